import Foundation

/// A throwaway home for one test: HOME and the XDG directories point inside it, so the
/// app never reads or writes the user's files, and the tmux socket lives there too.
struct TestSandbox: Sendable {
    let root: URL

    var home: URL { root.appendingPathComponent("home") }
    var cacheHome: URL { root.appendingPathComponent("cache") }
    var configHome: URL { root.appendingPathComponent("config") }
    var stateHome: URL { root.appendingPathComponent("state") }
    var dataHome: URL { root.appendingPathComponent("data") }
    var scratch: URL { root.appendingPathComponent("scratch") }

    /// Makes a new sandbox under the system temp directory. The name is short because a
    /// Unix socket path must fit in 108 bytes.
    static func make() throws -> TestSandbox {
        let token = UUID().uuidString.prefix(8).lowercased()
        let root = URL(fileURLWithPath: "/tmp").appendingPathComponent("opsdeck-e2e-\(token)")
        let sandbox = TestSandbox(root: root)
        for directory in [
            sandbox.home, sandbox.cacheHome, sandbox.configHome, sandbox.stateHome,
            sandbox.dataHome, sandbox.scratch,
        ] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        return sandbox
    }

    /// The whole environment the app gets: nothing leaks in from the test runner (no AWS
    /// profile, no real XDG paths).
    var environment: [String: String] {
        [
            "HOME": home.path,
            "XDG_CACHE_HOME": cacheHome.path,
            "XDG_CONFIG_HOME": configHome.path,
            "XDG_STATE_HOME": stateHome.path,
            "XDG_DATA_HOME": dataHome.path,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "SHELL": "/bin/sh",
        ]
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
