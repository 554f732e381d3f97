import Foundation

/// An incident action kept until PagerDuty has taken it, so nothing is lost while the
/// link is down and the UI can show it as pending.
public struct QueuedIncidentAction: Sendable, Hashable, Codable, Identifiable {
    /// Where the action stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not yet accepted by PagerDuty; sent on the next flush.
        case pending
        /// PagerDuty took it.
        case sent
        /// Somebody else got there first (`already resolved by X`); kept to be shown.
        case conflict
        /// PagerDuty refused it for good (no permission, unknown incident).
        case failed
    }

    /// Local id, unique per queue.
    public var id: String
    public var action: IncidentAction
    public var state: State
    public var enqueuedAt: Date
    /// How many times a send was tried.
    public var attempts: Int
    /// The last time a send was tried, if any.
    public var lastAttemptAt: Date?
    /// What went wrong last, or the conflict as PagerDuty told it; never a secret.
    public var message: String?

    /// Creates a queued action.
    public init(
        id: String, action: IncidentAction, state: State = .pending, enqueuedAt: Date, attempts: Int = 0,
        lastAttemptAt: Date? = nil, message: String? = nil
    ) {
        self.id = id
        self.action = action
        self.state = state
        self.enqueuedAt = enqueuedAt
        self.attempts = attempts
        self.lastAttemptAt = lastAttemptAt
        self.message = message
    }

    /// Whether the UI still has something to show for it.
    public var isOutstanding: Bool { state == .pending || state == .conflict || state == .failed }
}
