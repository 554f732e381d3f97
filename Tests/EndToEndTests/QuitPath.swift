#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A way to end the app, and the exit statuses `sh` may report for it.
enum QuitPath: String, CaseIterable, Sendable, CustomStringConvertible {
    case qKey = "q"
    case controlC = "Ctrl-C"
    case sigterm = "SIGTERM"
    case sighup = "SIGHUP"

    var description: String { rawValue }

    /// Ctrl-C is a key in raw mode (bound to quit: 0); under cbreak it raises SIGINT (130).
    var acceptedStatuses: Set<Int> {
        switch self {
        case .qKey: [0]
        case .controlC: [0, 128 + Int(SIGINT)]
        case .sigterm: [128 + Int(SIGTERM)]
        case .sighup: [128 + Int(SIGHUP)]
        }
    }

    func perform(on session: TmuxSession) async throws {
        switch self {
        case .qKey: try await session.sendKeys("q")
        case .controlC: try await session.sendKeys("C-c")
        case .sigterm: try signal(SIGTERM, session: session, pid: try await session.appPID())
        case .sighup: try signal(SIGHUP, session: session, pid: try await session.appPID())
        }
    }

    private func signal(_ number: Int32, session: TmuxSession, pid: Int32) throws {
        guard kill(pid, number) == 0 else {
            throw E2EError.processFailed(
                command: "kill -\(number) \(pid)", status: errno, stderr: "kill failed")
        }
    }
}
