import Foundation

/// The header's view of active break-glass sessions: each one's label and the time left,
/// soonest first, so nobody forgets they hold elevated credentials.
public struct BreakGlassCountdown: Sendable, Hashable {
    /// One active session.
    public struct Session: Sendable, Hashable {
        /// `payments-prod/BreakGlassAdmin`.
        public var label: String
        /// When it expires.
        public var expiration: Date

        public init(label: String, expiration: Date) {
            self.label = label
            self.expiration = expiration
        }
    }

    /// The sessions, in any order; expired ones are not shown.
    public var sessions: [Session]

    public init(sessions: [Session] = []) {
        self.sessions = sessions
    }

    /// The sessions still running at `now`, soonest expiry first.
    public func active(at now: Date) -> [Session] {
        sessions.filter { $0.expiration > now }.sorted { $0.expiration < $1.expiration }
    }

    /// `BREAK-GLASS payments-prod/BreakGlassAdmin 42:07` (`+1` when more run), or nil when
    /// none does. Under an hour the time is `mm:ss`, else `h:mm:ss`.
    public func headerText(at now: Date) -> String? {
        let running = active(at: now)
        guard let first = running.first else { return nil }
        var text = "BREAK-GLASS \(first.label) \(Self.remaining(first.expiration.timeIntervalSince(now)))"
        if running.count > 1 { text += " +\(running.count - 1)" }
        return text
    }

    /// True when the soonest session ends within five minutes (the header warns).
    public func isEnding(at now: Date) -> Bool {
        guard let first = active(at: now).first else { return false }
        return first.expiration.timeIntervalSince(now) <= 300
    }

    static func remaining(_ interval: TimeInterval) -> String {
        let total = max(0, Int(interval.rounded(.up)))
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        let seconds = total % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(seconds))" : "\(two(minutes)):\(two(seconds))"
    }
}
