import Foundation

/// One detached tmux server with one session, on its own socket in a test's sandbox:
/// a real terminal to run the built app in, typed into with `send-keys` and read back
/// with `capture-pane`. Tests running at the same time never share a server.
struct TmuxSession: Sendable {
    let name: String
    let socket: String
    let sandbox: TestSandbox
    private let tmux: String

    /// How long `waitFor` polls before it fails, unless told otherwise.
    static let defaultTimeout: Duration = .seconds(15)
    static let pollInterval: Duration = .milliseconds(50)

    private init(name: String, socket: String, sandbox: TestSandbox, tmux: String) {
        self.name = name
        self.socket = socket
        self.sandbox = sandbox
        self.tmux = tmux
    }

    /// Starts a server and a `width` x `height` session running `command` (an argv, run
    /// without a shell) under `env -i` with the sandbox's environment plus `extraEnvironment`.
    /// - Throws: `E2EError.processFailed` when tmux cannot start the session.
    static func start(
        _ command: [String], width: Int = 120, height: Int = 40, sandbox: TestSandbox,
        extraEnvironment: [String: String] = [:]
    ) async throws -> TmuxSession {
        let tmux = try findTmux()
        let config = sandbox.root.appendingPathComponent("tmux.conf")
        // No status line (the app gets every row), the pane's TERM as asked, a dead pane kept
        // on screen so a crash can still be captured, and a plain history.
        let settings = [
            "set -g status off",
            "set -g default-terminal xterm-256color",
            "set -g remain-on-exit on",
            "set -g escape-time 0",
            "set -g history-limit 2000",
            "set -g default-shell /bin/sh",
        ]
        try (settings.joined(separator: "\n") + "\n").write(to: config, atomically: true, encoding: .utf8)
        let session = TmuxSession(
            name: "e2e", socket: sandbox.root.appendingPathComponent("tmux.sock").path, sandbox: sandbox,
            tmux: tmux)
        var environment = sandbox.environment
        environment.merge(extraEnvironment) { _, new in new }
        let envArguments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let size = ["-x", String(width), "-y", String(height)]
        let pane = ["env", "-i"] + envArguments + command
        let result = try await session.run(
            ["-f", config.path, "new-session", "-d"] + size + ["-s", session.name] + pane)
        guard result.succeeded else {
            throw E2EError.processFailed(
                command: "tmux new-session", status: result.status, stderr: result.stderr)
        }
        return session
    }

    /// Runs `body` with a new session and always kills the server and removes the sandbox.
    static func with<T>(
        _ command: [String], width: Int = 120, height: Int = 40,
        extraEnvironment: [String: String] = [:],
        _ body: (TmuxSession) async throws -> T
    ) async throws -> T {
        let sandbox = try TestSandbox.make()
        let session: TmuxSession
        do {
            session = try await start(
                command, width: width, height: height, sandbox: sandbox, extraEnvironment: extraEnvironment)
        } catch {
            sandbox.remove()
            throw error
        }
        do {
            let value = try await body(session)
            await session.kill()
            return value
        } catch {
            await session.kill()
            throw error
        }
    }

    /// Sends tmux key names, one key each: `"q"`, `"Enter"`, `"Escape"`, `"Tab"`, `"BTab"`,
    /// `"C-c"`, `"C-z"`.
    func sendKeys(_ keys: String...) async throws {
        for key in keys {
            try await check(["send-keys", "-t", target, key])
        }
    }

    /// Types `text` literally, character by character as a user would.
    func type(_ text: String) async throws {
        // tmux reads an argument ending in `;` as the end of a command; `\;` is a literal one.
        let argument = text.hasSuffix(";") ? String(text.dropLast()) + "\\;" : text
        try await check(["send-keys", "-t", target, "-l", argument])
    }

    /// The visible screen as text, one line per row.
    func capture() async throws -> String {
        try await check(["capture-pane", "-p", "-t", target]).stdout
    }

    /// The visible screen with SGR escape sequences (colours and attributes) kept.
    func captureWithEscapes() async throws -> String {
        try await check(["capture-pane", "-p", "-e", "-t", target]).stdout
    }

    /// Polls the screen every 50 ms until it contains `text` (see `waitUntil`).
    /// - Returns: the screen that matched.
    /// - Throws: `E2EError.timedOut` with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = defaultTimeout) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls until none of `texts` is on screen.
    @discardableResult
    func waitForAbsence(of texts: String..., timeout: Duration = defaultTimeout) async throws -> String {
        let names = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        return try await waitUntil("\(names) to disappear", timeout: timeout) { screen in
            texts.allSatisfy { !screen.contains($0) }
        }
    }

    /// Polls every 50 ms until `predicate` holds for the screen on two captures in a row,
    /// for at most `timeout`. The second capture keeps a half-drawn frame (the app's
    /// output read by tmux in pieces) from passing for the finished one.
    /// - Parameter description: what is awaited, for the failure message.
    /// - Returns: the last screen captured.
    @discardableResult
    func waitUntil(
        _ description: String, timeout: Duration = defaultTimeout, _ predicate: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = ""
        var heldBefore = false
        while true {
            screen = try await capture()
            let holds = predicate(screen)
            if holds && heldBefore { return screen }
            heldBefore = holds
            if clock.now >= deadline { break }
            try await Task.sleep(for: Self.pollInterval)
        }
        throw E2EError.timedOut(
            waitingFor: description, seconds: Int(timeout.components.seconds), screen: screen)
    }

    /// Resizes the window (the app gets SIGWINCH), as a user dragging the terminal would.
    func resize(width: Int, height: Int) async throws {
        try await check(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the process tmux started in the pane (after `env -i`, the command itself).
    func panePID() async throws -> Int32 {
        let text = try await check(["display-message", "-p", "-t", target, "#{pane_pid}"]).stdout
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw E2EError.processFailed(command: "tmux display-message", status: 0, stderr: "pid \(text)")
        }
        return pid
    }

    /// The pid of the app: the child of the pane's shell.
    /// - Throws: `E2EError.noChildProcess` when the shell has no child.
    func appPID() async throws -> Int32 {
        let parent = try await panePID()
        if let child = ProcessTable.children(of: parent).first { return child }
        throw E2EError.noChildProcess(parent: parent, screen: (try? await capture()) ?? "")
    }

    /// Kills the server (and so whatever still runs in the pane) and removes the sandbox.
    func kill() async {
        _ = try? await run(["kill-server"])
        sandbox.remove()
    }

    private var target: String { "=\(name):" }

    @discardableResult
    private func check(_ arguments: [String]) async throws -> ProcessResult {
        let result = try await run(arguments)
        guard result.succeeded else {
            throw E2EError.processFailed(
                command: "tmux " + arguments.joined(separator: " "), status: result.status,
                stderr: result.stderr)
        }
        return result
    }

    private func run(_ arguments: [String]) async throws -> ProcessResult {
        let environment = [
            "HOME": sandbox.home.path, "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
        ]
        return try await ProcessRunner.run(
            tmux, ["-u", "-S", socket] + arguments, environment: environment, scratch: sandbox.scratch,
            timeout: .seconds(20))
    }

    private static func findTmux() throws -> String {
        for candidate in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw E2EError.processFailed(
            command: "tmux", status: 127,
            stderr: "tmux is not installed (apt-get install tmux; .ci/test does)")
    }
}
