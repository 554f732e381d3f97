import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a child process with `posix_spawn`, polls for its exit without blocking a thread,
/// and kills it when it runs past a bounded time.
///
/// Not Foundation's `Process`: on Linux it learns of the exit through a socket that the
/// child inherits, and `tmux new-session -d` forks a server that keeps every inherited
/// descriptor, so the exit would never be seen. Here the child gets only stdin (/dev/null)
/// and files for stdout and stderr; every other descriptor is closed in the child.
enum ProcessRunner {
    /// Runs `executable` with `arguments` and exactly `environment` (nothing inherited).
    /// - Throws: `E2EError.processTimedOut` when it runs past `timeout`;
    ///   `E2EError.processFailed` when it cannot be started.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        scratch: URL, timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        let token = UUID().uuidString
        let outPath = scratch.appendingPathComponent("out-\(token)").path
        let errPath = scratch.appendingPathComponent("err-\(token)").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let commandLine = ([executable] + arguments).joined(separator: " ")
        let pid = try spawn(
            executable, arguments, environment: environment, stdout: outPath, stderr: errPath,
            commandLine: commandLine)

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR {
                throw E2EError.processFailed(command: commandLine, status: errno, stderr: "waitpid failed")
            }
            if clock.now >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw E2EError.processTimedOut(command: commandLine, seconds: Int(timeout.components.seconds))
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // WIFSIGNALED / WEXITSTATUS are macros Swift does not import.
        let signal = status & 0x7f
        if signal != 0 {
            return ProcessResult(status: signal, signaled: true, stdout: stdout, stderr: stderr)
        }
        return ProcessResult(status: (status >> 8) & 0xff, signaled: false, stdout: stdout, stderr: stderr)
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], stdout: String,
        stderr: String, commandLine: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try closeOtherDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads may block or ignore signals; the child starts clean, as
        // it would from a shell.
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [
            SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH,
        ] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw E2EError.processFailed(
                command: commandLine, status: result, stderr: String(cString: strerror(result)))
        }
        return pid
    }

    private typealias AddCloseFrom =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32)
        -> Int32

    /// Closes descriptors 3 and up in the child: glibc's `addclosefrom_np` (2.34+, found at
    /// run time since Swift does not import it).
    /// - Throws: `E2EError.processFailed` on an older C library.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) throws {
        // A nil handle is RTLD_DEFAULT: search every loaded library.
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        else {
            throw E2EError.processFailed(
                command: "posix_spawn", status: ENOSYS,
                stderr: "posix_spawn_file_actions_addclosefrom_np is missing (needs glibc 2.34 or newer)")
        }
        let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)
        let result = addCloseFrom(&actions, 3)
        guard result == 0 else {
            throw E2EError.processFailed(
                command: "posix_spawn", status: result, stderr: "addclosefrom_np failed")
        }
    }
}
