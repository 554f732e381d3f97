import Foundation

/// Reads `config.toml`.
///
/// Loading never fails: a missing file means defaults, and every bad value keeps its
/// default and becomes a `ConfigProblem` that the app shows (a syntax error means all
/// defaults). Refusing to start over a typo would lock an operator out of the console
/// in exactly the incident they opened it for; `opsdeck config check` is the strict
/// gate, failing on any error.
public enum ConfigLoader {
    /// Environment variables that supply tokens without writing them into the file;
    /// they win over the file.
    public static let pagerDutyTokenVariable = "OPSDECK_PAGERDUTY_TOKEN"
    public static let gitHubTokenVariable = "OPSDECK_GITHUB_TOKEN"
    /// The variable GitHub's own tools read; used when `OPSDECK_GITHUB_TOKEN` is not set.
    public static let gitHubCommonTokenVariable = "GITHUB_TOKEN"

    /// Loads the config file.
    /// - Parameters:
    ///   - path: an explicit file (`--config`); nil means `ConfigPaths.configFile(env:)`.
    ///     An explicit file that does not exist is an error; a missing default one is not.
    ///   - env: the process environment (`XDG_CONFIG_HOME`, `HOME`, token variables).
    public static func load(path explicitPath: String? = nil, env: [String: String]) -> LoadedConfiguration {
        let path = explicitPath ?? ConfigPaths.configFile(env: env)
        guard let path else {
            return LoadedConfiguration(
                configuration: applyEnvironment(to: .defaults, env: env),
                problems: [], path: nil, fileExists: false)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let problems =
                explicitPath == nil
                ? []
                : [
                    ConfigProblem(
                        file: path, line: nil, severity: .error, message: "no such file; using the defaults")
                ]
            return LoadedConfiguration(
                configuration: applyEnvironment(to: .defaults, env: env),
                problems: problems, path: path, fileExists: false)
        }
        guard !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            return unreadable(
                path, env: env, reason: "cannot read the file (a directory, or permission denied)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return unreadable(path, env: env, reason: "the file is not UTF-8 text")
        }
        return load(text: text, path: path, fileMode: ConfigChecker.fileMode(atPath: path), env: env)
    }

    /// Loads from text already read; `fileMode` is the file's permission bits, if known.
    public static func load(text: String, path: String, fileMode: Int?, env: [String: String])
        -> LoadedConfiguration
    {
        let context = ConfigDecoder.Context(
            userThemesDirectory: ConfigPaths.userThemesDirectory(env: env),
            baseDirectory: ConfigPaths.directory(of: path), env: env)
        let decoded = ConfigDecoder.decode(text: text, file: path, context: context)
        let permissions = ConfigChecker.permissionProblems(
            decoded, text: text, path: path, fileMode: fileMode)
        let problems = (decoded.problems + permissions).sortedByLocation()
        return LoadedConfiguration(
            configuration: applyEnvironment(to: decoded.configuration, env: env),
            problems: problems, path: path, fileExists: true)
    }

    static func applyEnvironment(to configuration: OpsDeckConfiguration, env: [String: String])
        -> OpsDeckConfiguration
    {
        var configuration = configuration
        if let token = env[pagerDutyTokenVariable], !token.isEmpty {
            configuration.pagerDuty.token = Secret(token)
        }
        // The environment wins over the file; OpsDeck's own variable over the common one.
        for variable in [gitHubTokenVariable, gitHubCommonTokenVariable] {
            if let token = env[variable], !token.isEmpty {
                configuration.gitHub.token = Secret(token)
                configuration.gitHub.tokenOrigin = .environment(variable)
                break
            }
        }
        return configuration
    }

    private static func unreadable(_ path: String, env: [String: String], reason: String)
        -> LoadedConfiguration
    {
        LoadedConfiguration(
            configuration: applyEnvironment(to: .defaults, env: env),
            problems: [
                ConfigProblem(
                    file: path, line: nil, severity: .error, message: "\(reason); using the defaults")
            ],
            path: path, fileExists: true)
    }
}
