import Foundation

/// A private directory tree for one benchmark run: HOME, the XDG directories and the
/// demo cache all live under it, so the benchmark never reads or writes the user's own.
struct BenchWorkspace {
    let root: String

    /// Creates a fresh directory under the system's temporary directory.
    static func create() throws -> BenchWorkspace {
        let base = NSTemporaryDirectory() + "opsdeck-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let workspace = BenchWorkspace(root: base)
        for directory in [workspace.home, workspace.config, workspace.cache, workspace.state, workspace.data]
        {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw BenchError.setupFailed("cannot create \(directory): \(error.localizedDescription)")
            }
        }
        return workspace
    }

    var home: String { root + "/home" }
    var config: String { root + "/config" }
    var cache: String { root + "/cache" }
    var state: String { root + "/state" }
    var data: String { root + "/data" }
    /// The demo cache opsdeck is pointed at with `--cache`.
    var demoCache: String { cache + "/opsdeck/demo.sqlite" }
    /// The console's log, where opsdeck writes instead of the screen.
    var logFile: String { state + "/opsdeck/opsdeck.log" }

    /// The environment the console is started with: a UTF-8 locale, a 256-colour
    /// xterm, and every directory it may touch inside the workspace.
    var childEnvironment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "HOME": home,
            "XDG_CONFIG_HOME": config,
            "XDG_CACHE_HOME": cache,
            "XDG_STATE_HOME": state,
            "XDG_DATA_HOME": data,
        ]
    }

    /// Removes the workspace (best effort: a leftover temp directory harms nothing).
    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
