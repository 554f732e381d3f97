import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where OpsDeck keeps its rebuildable cache, following the XDG base directory spec.
///
/// The environment is passed in so that only the executable reads the real one.
public struct CachePaths: Sendable, Hashable {
    /// The directory holding the cache files, created 0700.
    public var directory: String

    /// The cache filled by the providers.
    public var cacheFile: String { directory + "/cache.sqlite" }

    /// The generated demo organization; the demo never writes into the real cache.
    public var demoFile: String { directory + "/demo.sqlite" }

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/opsdeck`, or `$HOME/.cache/opsdeck` when it is unset or not absolute
    /// (as the XDG spec asks); without `HOME`, the home directory from the password database.
    ///
    /// - Parameter environment: the process environment, e.g. `ProcessInfo.processInfo.environment`.
    public init(environment: [String: String]) {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            self.init(directory: Self.trimmingTrailingSlashes(xdg) + "/opsdeck")
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.passwordDatabaseHome()
            self.init(directory: Self.trimmingTrailingSlashes(home) + "/.cache/opsdeck")
        }
    }

    private static func passwordDatabaseHome() -> String {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return "/" }
        return String(cString: directory)
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
