import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Catches the signals that should end or stop the app, so the app's loop can give
/// the terminal back before it goes.
///
/// The handlers only set a bit; the loop calls `takePending()` every iteration.
/// Install before `CursesTerminal` starts: curses installs its own handlers only for
/// signals still at their default, and its SIGINT/SIGTSTP handlers would act behind
/// the app's back. SIGWINCH is left to curses, which turns it into `KEY_RESIZE`.
public enum SignalTrap {
    /// The signals `install()` catches.
    public static let trappedSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP]

    /// Catches `trappedSignals` and ignores SIGPIPE (a closed pipe or socket is then an
    /// error return, not a silent death with the terminal raw).
    ///
    /// The handlers are installed without `SA_RESTART`, so a signal also cuts short a
    /// blocking `nextEvent` and the loop sees it at once.
    public static func install() {
        // Touch the storage first: its lazy initialisation must not run in a handler.
        _ = SignalStorage.pending.load(ordering: .relaxed)
        for signalNumber in trappedSignals {
            setHandler(signalNumber, recordSignal)
        }
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Puts `trappedSignals` and SIGPIPE back to their default actions.
    public static func restoreDefaults() {
        for signalNumber in trappedSignals + [SIGPIPE] {
            _ = signal(signalNumber, SIG_DFL)
        }
    }

    /// The signal caught since the last call, if any; the most urgent first (those that
    /// end the app before SIGTSTP). Each caught signal is reported once.
    public static func takePending() -> Int32? {
        while true {
            let mask = SignalStorage.pending.load(ordering: .acquiring)
            guard mask != 0 else { return nil }
            let pick = trappedSignals.first { mask & bit($0) != 0 } ?? Int32(mask.trailingZeroBitCount)
            let (exchanged, _) = SignalStorage.pending.compareExchange(
                expected: mask, desired: mask & ~bit(pick), ordering: .acquiringAndReleasing)
            if exchanged { return pick }
        }
    }

    /// Whether `signalNumber` means the app should end (all trapped signals but SIGTSTP).
    public static func isTermination(_ signalNumber: Int32) -> Bool {
        signalNumber != SIGTSTP && trappedSignals.contains(signalNumber)
    }

    /// Ends the process the way `signalNumber` would have, so the parent shell sees
    /// the right status (128 + n). Call after the terminal is restored.
    public static func terminate(with signalNumber: Int32) -> Never {
        _ = signal(signalNumber, SIG_DFL)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signalNumber)
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        _ = raise(signalNumber)
        // Only reached when the signal cannot end the process (SIGTSTP, SIGCONT...).
        exit(128 + signalNumber)
    }

    /// Installs `handler` for `signalNumber` with `sigaction`, without `SA_RESTART`.
    static func setHandler(_ signalNumber: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = handler
        #else
            action.__sigaction_handler.sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        _ = sigaction(signalNumber, &action, nil)
    }

    private static func bit(_ signalNumber: Int32) -> UInt64 {
        signalNumber > 0 && signalNumber < 64 ? 1 << UInt64(signalNumber) : 0
    }
}

/// The signal handler: an atomic OR, which is async-signal-safe.
private func recordSignal(_ signalNumber: Int32) {
    guard signalNumber > 0, signalNumber < 64 else { return }
    SignalStorage.pending.bitwiseOr(1 << UInt64(signalNumber), ordering: .releasing)
}

/// State the handlers write; a type so that it is initialised once, before any handler runs.
enum SignalStorage {
    static let pending = Atomic<UInt64>(0)
}
