import OpsDeckConfig

/// The bodies of `opsdeck config check` and `opsdeck config show`.
public enum ConfigReport {
    public struct Result: Sendable {
        public var text: String
        public var hasErrors: Bool
    }

    /// Every problem with its line, then a one-line verdict.
    public static func check(path: String?, environment: [String: String]) -> Result {
        let loaded = ConfigLoader.load(path: path, env: environment)
        let file = loaded.path ?? "(no config file location: set HOME or XDG_CONFIG_HOME)"
        var text = ""
        if !loaded.fileExists && !loaded.hasErrors {
            text += "\(file): not found; OpsDeck runs with the defaults (opsdeck config show prints them)\n"
        }
        for problem in loaded.problems { text += problem.description + "\n" }
        let errors = loaded.errors.count
        let warnings = loaded.warnings.count
        if loaded.fileExists {
            text +=
                errors == 0 && warnings == 0
                ? "\(file): OK\n"
                : "\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        return Result(text: text, hasErrors: loaded.hasErrors)
    }

    /// The configuration in effect as TOML, secrets never shown.
    public static func show(path: String?, environment: [String: String]) -> String {
        let loaded = ConfigLoader.load(path: path, env: environment)
        var text =
            "# " + (loaded.fileExists ? "from \(loaded.path ?? "")" : "defaults (no config file)") + "\n"
        text += ConfigRenderer.render(loaded.configuration)
        for problem in loaded.problems { text += "# " + problem.description + "\n" }
        return text
    }
}
