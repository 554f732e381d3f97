import Foundation
import Logging

/// Sends every log line to `$XDG_STATE_HOME/opsdeck/opsdeck.log`, never to the
/// terminal (curses owns it, and script output must stay clean).
public enum AppLogging {
    private static let bootstrapped = NSLock()
    nonisolated(unsafe) private static var done = false

    /// Bootstraps swift-log once per process.
    public static func bootstrap(environment: [String: String]) {
        bootstrapped.lock()
        defer { bootstrapped.unlock() }
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap(FileLogHandler.factory(path: AppPaths(environment: environment).logFile))
    }
}
