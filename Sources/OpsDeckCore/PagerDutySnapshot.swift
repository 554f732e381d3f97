import Foundation

/// What the UI shows of PagerDuty besides incidents: who is on call, and the actions
/// still on their way (pending, or refused because somebody else was first).
public struct PagerDutySnapshot: Sendable, Hashable {
    public var onCalls: [OnCall]
    /// Outstanding queued actions, oldest first.
    public var actions: [QueuedIncidentAction]

    /// Creates a snapshot.
    public init(onCalls: [OnCall] = [], actions: [QueuedIncidentAction] = []) {
        self.onCalls = onCalls
        self.actions = actions
    }

    public static let empty = PagerDutySnapshot()

    /// The newest outstanding action on an incident, for its row.
    public func latestAction(for incidentId: String) -> QueuedIncidentAction? {
        actions.last { $0.action.incidentId == incidentId && $0.isOutstanding }
    }

    /// Adds or replaces one action (by id); sent ones drop out.
    public mutating func record(_ action: QueuedIncidentAction) {
        actions.removeAll { $0.id == action.id }
        if action.isOutstanding { actions.append(action) }
    }
}
