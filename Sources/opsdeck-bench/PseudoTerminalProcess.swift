import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process whose stdin, stdout and stderr are the slave side of a fresh
/// pseudo-terminal, as a user's terminal emulator would give it. The benchmark holds the
/// master side: it reads everything the child draws and types keys into it.
///
/// Every wait here is bounded: a child that hangs is killed, never waited on forever.
final class PseudoTerminalProcess {
    let pid: pid_t
    private let master: Int32
    private var reaped = false
    /// The exit status as `wait4` reported it, once reaped.
    private(set) var waitStatus: Int32?
    /// True once the master side reported end of file (every slave descriptor closed).
    private(set) var endOfFile = false
    /// Every byte read so far, when `keepsOutput` is set (for error messages and parsing).
    private(set) var transcript: [UInt8] = []
    var keepsOutput = false

    /// Starts `executable` on a new pseudo-terminal of `columns` x `rows`.
    ///
    /// The child is a session leader whose controlling terminal is the pty, so it sees a
    /// real terminal on all three standard descriptors and gets SIGHUP if the benchmark
    /// dies and the master closes.
    init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int)
        throws
    {
        var masterFD: Int32 = -1
        var slaveFD: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else {
            throw BenchError.spawnFailed("openpty: \(String(cString: strerror(errno)))")
        }
        defer { close(slaveFD) }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slaveFD, &nameBuffer, nameBuffer.count) == 0 else {
            close(masterFD)
            throw BenchError.spawnFailed("ttyname_r: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(
            decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slaveFD, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc runs POSIX_SPAWN_SETSID before the file actions), so
        // the pty becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        // POSIX_SPAWN_SETSID is a GNU extension (0x80) the importer does not always expose.
        let setsid: Int32 = 0x80
        posix_spawnattr_setflags(
            &attributes,
            Int16(truncatingIfNeeded: setsid | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(masterFD)
            throw BenchError.spawnFailed("posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        master = masterFD
        _ = fcntl(masterFD, F_SETFL, fcntl(masterFD, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if !reaped { terminate() }
        close(master)
    }

    /// Types `bytes` into the terminal, as one write (a key, or a paste).
    func send(_ bytes: [UInt8]) {
        var offset = 0
        var attempts = 0
        while offset < bytes.count && attempts < 100 {
            attempts += 1
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if errno != EAGAIN && errno != EINTR { return }
        }
    }

    /// Reads what is available within `timeout`; returns the byte count (0 when nothing
    /// came, -1 at end of file).
    private func readOnce(timeout: Duration) -> Int {
        guard !endOfFile else { return -1 }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(Double(Int32.max), timeout.milliseconds.rounded(.up))))
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                total += count
                if keepsOutput { transcript.append(contentsOf: buffer[0..<count]) }
                continue
            }
            // EIO on Linux (the last slave descriptor closed), or 0 elsewhere: the child is gone.
            if count == 0 || (count < 0 && errno == EIO) {
                endOfFile = true
                return total > 0 ? total : -1
            }
            return total
        }
    }

    /// Reads for exactly `window` (or until end of file); returns the bytes counted.
    func drain(for window: Duration) -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now + window
        var total = 0
        while clock.now < deadline {
            let count = readOnce(timeout: deadline - clock.now)
            if count < 0 { break }
            total += count
        }
        return total
    }

    /// What `readUntilQuiet` saw: how many bytes, and when the first and last arrived.
    struct Burst {
        var bytes = 0
        var firstByteAt: ContinuousClock.Instant?
        var lastByteAt: ContinuousClock.Instant?
        /// True when the limit ran out before the output went quiet.
        var hitLimit = false
    }

    /// Reads until no byte has arrived for `quiet`, or until `limit` has passed. With
    /// `awaitFirstByte`, the quiet period only starts counting once something arrived.
    func readUntilQuiet(quiet: Duration, limit: Duration, awaitFirstByte: Bool = false) -> Burst {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + limit
        var burst = Burst()
        var quietSince = start
        while true {
            let now = clock.now
            if now >= deadline {
                burst.hitLimit = true
                return burst
            }
            let waitingForFirst = awaitFirstByte && burst.bytes == 0
            if !waitingForFirst && now - quietSince >= quiet { return burst }
            let wait = waitingForFirst ? deadline - now : min(deadline - now, quiet - (now - quietSince))
            let count = readOnce(timeout: wait)
            if count < 0 { return burst }
            if count > 0 {
                let arrived = clock.now
                burst.bytes += count
                burst.firstByteAt = burst.firstByteAt ?? arrived
                burst.lastByteAt = arrived
                quietSince = arrived
            }
        }
    }

    /// Reaps the child if it has exited; true once it has.
    @discardableResult
    func reapIfExited() -> Bool {
        guard !reaped else { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            reaped = true
            waitStatus = status
        } else if result < 0 && errno == ECHILD {
            reaped = true
        }
        return reaped
    }

    /// Keeps reading (so the child never blocks on a full pty) until the child exits or
    /// `limit` passes; true when it exited.
    func waitForExit(limit: Duration) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while clock.now < deadline {
            if reapIfExited() { return true }
            if readOnce(timeout: .milliseconds(20)) < 0 {
                // End of file comes a moment before the child can be reaped.
                usleep(2_000)
            }
        }
        return reapIfExited()
    }

    /// SIGTERM, a bounded wait, then SIGKILL and a bounded wait.
    func terminate() {
        guard !reapIfExited() else { return }
        kill(pid, SIGTERM)
        if waitForExit(limit: .seconds(2)) { return }
        kill(pid, SIGKILL)
        _ = waitForExit(limit: .seconds(2))
    }

    /// The exit code, or nil when the child was killed by a signal or not reaped.
    var exitCode: Int32? {
        guard let status = waitStatus, status & 0x7f == 0 else { return nil }
        return (status >> 8) & 0xff
    }

    /// The signal that ended the child, if one did.
    var terminatingSignal: Int32? {
        guard let status = waitStatus else { return nil }
        let signal = status & 0x7f
        return signal != 0 && signal != 0x7f ? signal : nil
    }
}

extension Duration {
    /// The duration in (fractional) milliseconds.
    var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}
