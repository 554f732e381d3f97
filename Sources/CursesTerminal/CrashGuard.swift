import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gives the terminal back when the process crashes (a Swift trap is SIGILL or
/// SIGTRAP), then lets the crash go on to the previous handler: Swift's backtracer,
/// or the default action.
///
/// Everything the handler touches is prepared beforehand in memory that is never
/// freed, so it only calls `tcsetattr` and `write`, both async-signal-safe.
enum CrashGuard {
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    /// Arms the guard: a crash restores `shellModes` on the output tty and writes
    /// `resetSequence` (leave the alternate screen, show the cursor, mouse off).
    /// Handlers are installed on the first call; later calls only re-arm.
    static func arm(shellModes: termios, resetSequence: [UInt8]) {
        if CrashStorage.state.load(ordering: .acquiring) == 0 {
            let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            modes.initialize(to: shellModes)
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, resetSequence.count))
            bytes.initialize(from: resetSequence, count: resetSequence.count)
            let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
            previous.initialize(repeating: sigaction(), count: 65)
            CrashStorage.modes.store(Int(bitPattern: modes), ordering: .releasing)
            CrashStorage.bytes.store(Int(bitPattern: bytes), ordering: .releasing)
            CrashStorage.byteCount.store(resetSequence.count, ordering: .releasing)
            CrashStorage.previous.store(Int(bitPattern: previous), ordering: .releasing)
            for signalNumber in crashSignals {
                var action = sigaction()
                #if canImport(Darwin)
                    action.__sigaction_u.__sa_handler = crashHandler
                #else
                    action.__sigaction_handler.sa_handler = crashHandler
                #endif
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                _ = sigaction(signalNumber, &action, previous + Int(signalNumber))
            }
        }
        CrashStorage.state.store(2, ordering: .releasing)
    }

    /// While the terminal is given back (suspended or restored) a crash must not
    /// write the reset sequence over the shell's screen.
    static func disarm() {
        if CrashStorage.state.load(ordering: .acquiring) == 2 {
            CrashStorage.state.store(1, ordering: .releasing)
        }
    }

    /// Arms again after `disarm`, with what the first `arm` stored; a guard never armed
    /// stays off.
    static func rearm() {
        if CrashStorage.state.load(ordering: .acquiring) == 1 {
            CrashStorage.state.store(2, ordering: .releasing)
        }
    }
}

private func crashHandler(_ signalNumber: Int32) {
    if CrashStorage.state.exchange(1, ordering: .acquiringAndReleasing) == 2 {
        if let modes = UnsafePointer<termios>(bitPattern: CrashStorage.modes.load(ordering: .acquiring)) {
            _ = tcsetattr(1, TCSANOW, modes)
        }
        let count = CrashStorage.byteCount.load(ordering: .acquiring)
        let address = CrashStorage.bytes.load(ordering: .acquiring)
        if let bytes = UnsafeRawPointer(bitPattern: address), count > 0 {
            _ = write(1, bytes, count)
        }
    }
    // Hand the signal to whoever had it before. A fault re-executes and lands there
    // on return; abort() does not, so it is raised again (it stays blocked until then).
    if let previous = UnsafePointer<sigaction>(bitPattern: CrashStorage.previous.load(ordering: .acquiring)),
        signalNumber > 0, signalNumber < 65
    {
        _ = sigaction(signalNumber, previous + Int(signalNumber), nil)
    } else {
        _ = signal(signalNumber, SIG_DFL)
    }
    if signalNumber == SIGABRT { _ = raise(signalNumber) }
}

/// Pointers as bit patterns, so the handler reads them without locks or lazy setup.
/// `state`: 0 never armed, 1 installed but disarmed, 2 armed.
enum CrashStorage {
    static let state = Atomic<Int>(0)
    static let modes = Atomic<Int>(0)
    static let bytes = Atomic<Int>(0)
    static let byteCount = Atomic<Int>(0)
    static let previous = Atomic<Int>(0)
}
