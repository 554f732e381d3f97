import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// One suite, serialized: the handlers are process-wide.
@Suite("Signal trap", .serialized)
struct SignalTrapTests {
    @Test("A caught signal is reported once, then nothing")
    func reportsOnce() {
        SignalTrap.install()
        defer { SignalTrap.restoreDefaults() }
        #expect(SignalTrap.takePending() == nil)
        raiseHere(SIGHUP)
        #expect(SignalTrap.takePending() == SIGHUP)
        #expect(SignalTrap.takePending() == nil)
    }

    @Test("Signals that end the app come before SIGTSTP")
    func priority() {
        SignalTrap.install()
        defer { SignalTrap.restoreDefaults() }
        raiseHere(SIGTSTP)
        raiseHere(SIGQUIT)
        raiseHere(SIGTERM)
        #expect(SignalTrap.takePending() == SIGTERM)
        #expect(SignalTrap.takePending() == SIGQUIT)
        #expect(SignalTrap.takePending() == SIGTSTP)
        #expect(SignalTrap.takePending() == nil)
    }

    @Test("Every trapped signal is caught, SIGPIPE is ignored, defaults come back")
    func installAndRestore() {
        SignalTrap.install()
        for signalNumber in SignalTrap.trappedSignals {
            raiseHere(signalNumber)
            #expect(SignalTrap.takePending() == signalNumber)
        }
        raiseHere(SIGPIPE)
        #expect(SignalTrap.takePending() == nil)
        #expect(disposition(SIGPIPE) == bits(SIG_IGN))
        SignalTrap.restoreDefaults()
        for signalNumber in SignalTrap.trappedSignals + [SIGPIPE] {
            #expect(disposition(signalNumber) == bits(SIG_DFL))
        }
    }

    @Test("Handlers do not restart system calls, so a signal cuts a blocking read short")
    func noRestart() {
        SignalTrap.install()
        defer { SignalTrap.restoreDefaults() }
        var action = sigaction()
        sigaction(SIGTERM, nil, &action)
        #expect(action.sa_flags & Int32(SA_RESTART) == 0)
    }

    @Test("Which signals end the app")
    func termination() {
        #expect(SignalTrap.isTermination(SIGTERM))
        #expect(SignalTrap.isTermination(SIGHUP))
        #expect(SignalTrap.isTermination(SIGINT))
        #expect(SignalTrap.isTermination(SIGQUIT))
        #expect(!SignalTrap.isTermination(SIGTSTP))
        #expect(!SignalTrap.isTermination(SIGWINCH))
    }

    /// Raises `signalNumber` on this thread with it unblocked, so the handler has run
    /// when this returns (test runner threads block signals).
    private func raiseHere(_ signalNumber: Int32) {
        var set = sigset_t()
        var old = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signalNumber)
        pthread_sigmask(SIG_UNBLOCK, &set, &old)
        raise(signalNumber)
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }

    /// The current handler's address, so handlers compare (function pointers do not).
    private func disposition(_ signalNumber: Int32) -> Int {
        var action = sigaction()
        sigaction(signalNumber, nil, &action)
        #if canImport(Darwin)
            return bits(action.__sigaction_u.__sa_handler)
        #else
            return bits(action.__sigaction_handler.sa_handler)
        #endif
    }

    private func bits(_ handler: (@convention(c) (Int32) -> Void)?) -> Int {
        unsafeBitCast(handler, to: Int.self)
    }
}
