import Foundation

/// The process calls of the subshell, kept in one place.
enum ChildSpawner {
    /// Starts `arguments[0]` (looked up in PATH) with `environment`, sharing the terminal,
    /// with SIGINT, SIGQUIT, SIGHUP and SIGTERM back at their defaults.
    static func spawn(_ arguments: [String], environment: [String: String]) throws(BreakGlassShellError)
        -> pid_t
    {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGTSTP, SIGTTOU, SIGTTIN] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let command = arguments.first ?? ""
        let result = posix_spawnp(&pid, command, nil, &attributes, argv, envp)
        guard result == 0 else {
            throw .spawnFailed(command: command, reason: String(cString: strerror(result)))
        }
        return pid
    }

    /// Waits for `pid` on a thread of its own, so no task thread blocks.
    static func wait(_ pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 {
                    if errno != EINTR {
                        status = 0
                        break
                    }
                }
                continuation.resume(returning: status)
            }
        }
    }

    /// Takes the terminal's foreground back after an interactive shell that used job control.
    static func reclaimTerminal() {
        guard isatty(STDIN_FILENO) == 1 else { return }
        let previous = signal(SIGTTOU, SIG_IGN)
        tcsetpgrp(STDIN_FILENO, getpgrp())
        signal(SIGTTOU, previous)
    }
}
