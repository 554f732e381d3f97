/// What the console keeps about break-glass between keys: the MFA device the form asks a
/// code for, the sessions the header counts down, and the form whose submission is being
/// acted on (reopened with the error when the assumption fails). No credentials: those
/// stay with the runtime that runs the subshell.
public struct BreakGlassConsoleState: Sendable {
    /// The profile's `mfa_serial`, when it has one: the form then asks for a code.
    public var mfaSerial: String?
    /// The running sessions, from this process and from the audit log.
    public var countdown = BreakGlassCountdown()
    /// The submitted form, while the assumption runs.
    public var pending: BreakGlassForm?

    /// Creates the state.
    public init(mfaSerial: String? = nil) {
        self.mfaSerial = mfaSerial
    }

    /// Adds sessions to the countdown, dropping duplicates (the same session seen in this
    /// process and again in the audit log) by label and expiry second.
    public mutating func addSessions(_ sessions: [BreakGlassCountdown.Session]) {
        var seen = Set(countdown.sessions.map(Self.key))
        for session in sessions where seen.insert(Self.key(session)).inserted {
            countdown.sessions.append(session)
        }
    }

    private static func key(_ session: BreakGlassCountdown.Session) -> String {
        "\(session.label)@\(Int(session.expiration.timeIntervalSince1970))"
    }
}
