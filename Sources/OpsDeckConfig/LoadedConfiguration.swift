/// What `ConfigLoader.load` found: the configuration to run with and what was wrong.
public struct LoadedConfiguration: Sendable, Hashable {
    /// Defaults, overridden by every valid value in the file.
    public var configuration: OpsDeckConfiguration
    /// Everything wrong, in line order. The app runs anyway and shows these.
    public var problems: [ConfigProblem]
    /// The file that was (or would have been) read; nil when no path could be made
    /// (neither `XDG_CONFIG_HOME` nor `HOME` set).
    public var path: String?
    /// False when there was no file, so everything is a default.
    public var fileExists: Bool

    public init(
        configuration: OpsDeckConfiguration, problems: [ConfigProblem], path: String?, fileExists: Bool
    ) {
        self.configuration = configuration
        self.problems = problems
        self.path = path
        self.fileExists = fileExists
    }

    public var errors: [ConfigProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [ConfigProblem] { problems.filter { $0.severity == .warning } }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
