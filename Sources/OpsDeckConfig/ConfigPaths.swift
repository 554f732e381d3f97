/// Where OpsDeck's user files live, following the XDG base directory spec.
public enum ConfigPaths {
    /// `$XDG_CONFIG_HOME/opsdeck`, or `~/.config/opsdeck`; nil without either variable.
    public static func configDirectory(env: [String: String]) -> String? {
        // The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "opsdeck")
        }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return join(home, ".config/opsdeck")
    }

    /// `<config directory>/config.toml`.
    public static func configFile(env: [String: String]) -> String? {
        configDirectory(env: env).map { join($0, "config.toml") }
    }

    /// `<config directory>/themes`, where user themes `NAME.toml` live.
    public static func userThemesDirectory(env: [String: String]) -> String? {
        configDirectory(env: env).map { join($0, "themes") }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The directory part of a path ("." for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Expands a leading `~/` and makes a relative path relative to `base`.
    static func resolve(_ path: String, relativeTo base: String, env: [String: String]) -> String {
        if path == "~" || path.hasPrefix("~/"), let home = env["HOME"], !home.isEmpty {
            return join(home, String(path.dropFirst(2)))
        }
        if path.hasPrefix("/") { return path }
        return join(base, path)
    }
}
