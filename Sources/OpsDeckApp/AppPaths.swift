import Foundation

/// Where OpsDeck keeps state that must not be lost (logs now, the audit log later):
/// `$XDG_STATE_HOME/opsdeck`. Config and cache paths live with their modules
/// (`ConfigPaths`, `CachePaths`).
public struct AppPaths: Sendable, Equatable {
    public var stateDirectory: String

    /// - Parameter environment: the process environment (only the executable reads the real one).
    public init(environment: [String: String]) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            stateDirectory = state + "/opsdeck"
        } else {
            stateDirectory = home + "/.local/state/opsdeck"
        }
    }

    public var logFile: String { stateDirectory + "/opsdeck.log" }
}
