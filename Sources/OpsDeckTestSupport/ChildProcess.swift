import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`, in its own process group, with stdin from
/// /dev/null, stdout and stderr in files, and every other descriptor closed.
///
/// Not Foundation's `Process`: on Linux it hands the child descriptors of its own, and a
/// server that outlives a test must not hold the test runner's pipes or sockets. Exits are
/// polled with `WNOHANG`, so no thread blocks on `waitpid`.
public final class ChildProcess: Sendable {
    /// How a child ended.
    public struct Exit: Sendable, Equatable, CustomStringConvertible {
        /// The exit status, or the signal number when `signaled`.
        public let code: Int32
        /// Whether a signal ended it.
        public let signaled: Bool

        public init(code: Int32, signaled: Bool) {
            self.code = code
            self.signaled = signaled
        }

        public var description: String { signaled ? "killed by signal \(code)" : "exit status \(code)" }
    }

    /// The process id, which is also its process group id.
    public let pid: pid_t
    /// The command line, for messages.
    public let commandLine: String
    /// Where its stdout goes.
    public let stdoutURL: URL
    /// Where its stderr goes.
    public let stderrURL: URL
    private let exitState = Mutex<Exit?>(nil)

    private init(pid: pid_t, commandLine: String, stdoutURL: URL, stderrURL: URL) {
        self.pid = pid
        self.commandLine = commandLine
        self.stdoutURL = stdoutURL
        self.stderrURL = stderrURL
    }

    /// Starts `executable` (an absolute path) with `arguments` and exactly `environment`.
    /// - Parameter outputDirectory: where the stdout and stderr files are created.
    /// - Throws: `ChildProcessError.spawnFailed` when the child cannot be started.
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], outputDirectory: URL
    ) throws -> ChildProcess {
        let name = URL(fileURLWithPath: executable).lastPathComponent + "-" + UUID().uuidString.prefix(8)
        let stdoutURL = outputDirectory.appendingPathComponent("\(name).out")
        let stderrURL = outputDirectory.appendingPathComponent("\(name).err")
        let commandLine = ([executable] + arguments).joined(separator: " ")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try closeInheritedDescriptors(&actions, commandLine: commandLine)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The runner's threads may block or ignore signals; the child starts as from a shell,
        // and in a group of its own so that stopping it reaches anything it started.
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw ChildProcessError.spawnFailed(
                command: commandLine, reason: String(cString: strerror(result)))
        }
        return ChildProcess(pid: pid, commandLine: commandLine, stdoutURL: stdoutURL, stderrURL: stderrURL)
    }

    /// How it ended, or nil while it runs. Reaps it the first time it is seen to have ended.
    public var exit: Exit? {
        exitState.withLock { known in
            if let known { return known }
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            guard reaped == pid else { return nil }
            // WIFSIGNALED / WEXITSTATUS are macros Swift does not import.
            let signal = status & 0x7f
            let ended =
                signal != 0
                ? Exit(code: signal, signaled: true) : Exit(code: (status >> 8) & 0xff, signaled: false)
            known = ended
            return ended
        }
    }

    /// Waits for it to end, polling; kills it (and its group) when `timeout` passes first.
    /// - Throws: `ChildProcessError.timedOut` after killing it.
    public func wait(timeout: Duration) async throws -> Exit {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let exit { return exit }
            if clock.now >= deadline {
                await stop()
                throw ChildProcessError.timedOut(what: commandLine, seconds: timeout.wholeSeconds)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Ends it: SIGTERM to its process group, then SIGKILL after `grace`. Idempotent, and
    /// never throws, so it is safe in every teardown path; it returns once it is reaped.
    public func stop(grace: Duration = .seconds(3)) async {
        guard exit == nil else { return }
        kill(-pid, SIGTERM)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: grace)
        while exit == nil && clock.now < deadline {
            // A cancelled task still has to reap its child: sleep errors are ignored.
            try? await Task.sleep(for: .milliseconds(5))
        }
        if exit == nil {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            let hardDeadline = clock.now.advanced(by: .seconds(5))
            while exit == nil && clock.now < hardDeadline {
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    /// Its stdout so far.
    public var standardOutput: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    /// Its stderr so far.
    public var standardError: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// The last `count` characters of stderr, for error messages.
    public func stderrTail(_ count: Int = 2000) -> String { String(standardError.suffix(count)) }

    private typealias AddCloseFrom =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Closes descriptors 3 and up in the child: glibc's `addclosefrom_np` (2.34+), looked up
    /// at run time because Swift does not import it.
    private static func closeInheritedDescriptors(
        _ actions: inout posix_spawn_file_actions_t, commandLine: String
    ) throws {
        // A nil handle is RTLD_DEFAULT: every loaded library.
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw ChildProcessError.spawnFailed(
                command: commandLine,
                reason: "posix_spawn_file_actions_addclosefrom_np is missing (needs glibc 2.34 or newer)")
        }
        let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)
        let result = addCloseFrom(&actions, 3)
        guard result == 0 else {
            throw ChildProcessError.spawnFailed(command: commandLine, reason: "addclosefrom_np failed")
        }
    }
}

extension Duration {
    /// Whole seconds, for messages.
    public var wholeSeconds: Int { Int(components.seconds) }
}
