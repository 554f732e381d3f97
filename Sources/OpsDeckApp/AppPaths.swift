import Foundation

/// Where OpsDeck keeps its files, following XDG: config, the rebuildable cache, and
/// state that must never be lost (logs now, the audit log later).
public struct AppPaths: Sendable, Equatable {
    public var configDirectory: String
    public var cacheDirectory: String
    public var stateDirectory: String

    /// - Parameter environment: the process environment (only the executable reads the real one).
    public init(environment: [String: String]) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func xdg(_ name: String, _ fallback: String) -> String {
            if let value = environment[name], value.hasPrefix("/") { return value + "/opsdeck" }
            return home + "/" + fallback + "/opsdeck"
        }
        configDirectory = xdg("XDG_CONFIG_HOME", ".config")
        cacheDirectory = xdg("XDG_CACHE_HOME", ".cache")
        stateDirectory = xdg("XDG_STATE_HOME", ".local/state")
    }

    public var configFile: String { configDirectory + "/config.toml" }
    public var userThemesDirectory: String { configDirectory + "/themes" }
    public var cacheFile: String { cacheDirectory + "/cache.sqlite" }
    /// The demo never touches the real cache.
    public var demoCacheFile: String { cacheDirectory + "/demo.sqlite" }
    public var logFile: String { stateDirectory + "/opsdeck.log" }
}
