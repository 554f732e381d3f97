import Foundation

/// Runs `$SHELL` (or `--exec`'s command) with a break-glass session's credentials in its
/// environment and a prompt marker; warns `warningLead` before expiry and ends the child
/// at expiry (SIGHUP, then SIGTERM; SIGKILL after `killGrace`).
///
/// The child shares the terminal; while it runs OpsDeck ignores SIGINT and SIGQUIT, as
/// `system(3)` does, so Ctrl-C reaches only the shell's foreground job.
public struct BreakGlassShell: Sendable {
    /// How the child ended.
    public struct Exit: Sendable, Hashable {
        /// The exit status, when it exited.
        public var status: Int32?
        /// The signal that ended it, when one did.
        public var signal: Int32?
        /// True when OpsDeck ended it because the session expired.
        public var endedAtExpiry: Bool

        /// Creates an exit.
        public init(status: Int32?, signal: Int32?, endedAtExpiry: Bool) {
            self.status = status
            self.signal = signal
            self.endedAtExpiry = endedAtExpiry
        }

        /// The status to exit OpsDeck with: the child's, or 128 + signal.
        public var exitCode: Int32 { status ?? (128 + (signal ?? 0)) }
    }

    /// The session whose credentials the child gets.
    public var session: BreakGlassSession
    /// The command line to run through `/bin/sh -c`; nil runs an interactive `$SHELL`.
    public var command: String?
    /// The environment to start from (the caller's).
    public var baseEnvironment: [String: String]
    /// How long before expiry to warn.
    public var warningLead: Duration = .seconds(300)
    /// How long after SIGHUP/SIGTERM before SIGKILL.
    public var killGrace: Duration = .seconds(10)
    /// The current time.
    public var now: @Sendable () -> Date
    /// Waits; injected so tests reach expiry without waiting for it.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Shows a line to the user (the warning, the end at expiry).
    public var notify: @Sendable (String) -> Void

    /// Creates a runner.
    public init(
        session: BreakGlassSession, command: String?, baseEnvironment: [String: String],
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        notify: @escaping @Sendable (String) -> Void
    ) {
        self.session = session
        self.command = command
        self.baseEnvironment = baseEnvironment
        self.now = now
        self.sleep = sleep
        self.notify = notify
    }

    /// The argument vector and environment the child is started with.
    /// - Parameter rcDirectory: a private directory for the bash/zsh prompt file.
    public func launch(rcDirectory: String?) -> (arguments: [String], environment: [String: String]) {
        var environment = CredentialOutput.environment(for: session, base: baseEnvironment)
        let marker = "[\(session.label)]"
        if let command { return (["/bin/sh", "-c", command], environment) }
        let shell = baseEnvironment["SHELL"].flatMap { $0.isEmpty ? nil : $0 } ?? "/bin/sh"
        let name = (shell as NSString).lastPathComponent
        environment["PS1"] = "\(marker) \\$ "
        guard let rcDirectory else { return ([shell, "-i"], environment) }
        switch name {
        case "bash":
            let rc = rcDirectory + "/bashrc"
            let text = """
                [ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"
                PS1="[$OPSDECK_BREAKGLASS] ${PS1:-\\$ }"

                """
            guard FileManager.default.createFile(atPath: rc, contents: Data(text.utf8)) else {
                return ([shell, "-i"], environment)
            }
            return ([shell, "--rcfile", rc, "-i"], environment)
        case "zsh":
            let text = """
                ZDOTDIR="${OPSDECK_ZDOTDIR:-$HOME}"
                [ -f "$ZDOTDIR/.zshrc" ] && . "$ZDOTDIR/.zshrc"
                PROMPT="[$OPSDECK_BREAKGLASS] ${PROMPT:-%# }"

                """
            guard FileManager.default.createFile(atPath: rcDirectory + "/.zshrc", contents: Data(text.utf8))
            else { return ([shell, "-i"], environment) }
            environment["OPSDECK_ZDOTDIR"] = baseEnvironment["ZDOTDIR"] ?? baseEnvironment["HOME"]
            environment["ZDOTDIR"] = rcDirectory
            return ([shell, "-i"], environment)
        default:
            return ([shell, "-i"], environment)
        }
    }

    /// Starts the child and waits for it, warning and ending it on schedule.
    /// - Throws: `BreakGlassShellError` when the child cannot be started.
    public func run() async throws(BreakGlassShellError) -> Exit {
        let rcDirectory = command == nil ? Self.makePrivateDirectory() : nil
        defer { if let rcDirectory { try? FileManager.default.removeItem(atPath: rcDirectory) } }
        let (arguments, environment) = launch(rcDirectory: rcDirectory)
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        let pid = try ChildSpawner.spawn(arguments, environment: environment)
        let expired = ExpiryFlag()
        let waitStatus = await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await ChildSpawner.wait(pid) }
            group.addTask {
                await enforceExpiry(pid: pid, expired: expired)
                return nil
            }
            var status: Int32 = 0
            for await result in group {
                if let result {
                    status = result
                    group.cancelAll()
                }
            }
            return status
        }
        ChildSpawner.reclaimTerminal()
        let exit = Self.decode(waitStatus, endedAtExpiry: expired.value)
        if exit.endedAtExpiry {
            notify("opsdeck: the break-glass session \(session.label) expired; the shell was ended.")
        }
        return exit
    }

    private func enforceExpiry(pid: pid_t, expired: ExpiryFlag) async {
        do {
            let warnAt = session.expiration.addingTimeInterval(-Self.seconds(warningLead))
            let untilWarning = warnAt.timeIntervalSince(now())
            if untilWarning > 0 { try await sleep(.milliseconds(Int64(untilWarning * 1000))) }
            try Task.checkCancellation()
            let left = max(0, Int(session.expiration.timeIntervalSince(now()) / 60))
            notify(
                "opsdeck: the break-glass session \(session.label) expires in \(left) minute(s), at "
                    + "\(CredentialOutput.iso8601(session.expiration)); save your work.")
            let untilExpiry = session.expiration.timeIntervalSince(now())
            if untilExpiry > 0 { try await sleep(.milliseconds(Int64(untilExpiry * 1000))) }
            try Task.checkCancellation()
            expired.set()
            kill(pid, SIGHUP)
            kill(pid, SIGTERM)
            try await sleep(killGrace)
            try Task.checkCancellation()
            kill(pid, SIGKILL)
        } catch {
            return
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }

    static func decode(_ status: Int32, endedAtExpiry: Bool) -> Exit {
        let low = status & 0x7f
        if low == 0 { return Exit(status: (status >> 8) & 0xff, signal: nil, endedAtExpiry: endedAtExpiry) }
        return Exit(status: nil, signal: low, endedAtExpiry: endedAtExpiry)
    }

    static func makePrivateDirectory() -> String? {
        let path = NSTemporaryDirectory() + "opsdeck-shell-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return path
        } catch {
            return nil
        }
    }
}

/// Set once the expiry has ended the child.
private final class ExpiryFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var expired = false

    var value: Bool { lock.withLock { expired } }

    func set() { lock.withLock { expired = true } }
}
