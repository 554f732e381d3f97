import Foundation
import OpsDeckCore

/// Where queued incident actions live between runs: the cache in the app, memory in tests.
public protocol IncidentActionStore: Sendable {
    /// Stores a new pending action and gives it its id.
    func enqueue(_ action: IncidentAction, at date: Date) async throws -> QueuedIncidentAction
    /// Stores where an action stands now (state, attempts, message), by id.
    func update(_ action: QueuedIncidentAction) async throws
    /// Actions not yet sent, oldest first (pending, and conflicts/failures still to show).
    func outstandingActions() async throws -> [QueuedIncidentAction]
}

/// A store in memory, for tests and `--demo`.
public actor InMemoryIncidentActionStore: IncidentActionStore {
    private var actions: [String: QueuedIncidentAction] = [:]
    private var next = 1

    /// Creates an empty store.
    public init() {}

    public func enqueue(_ action: IncidentAction, at date: Date) -> QueuedIncidentAction {
        let queued = QueuedIncidentAction(id: String(next), action: action, enqueuedAt: date)
        next += 1
        actions[queued.id] = queued
        return queued
    }

    public func update(_ action: QueuedIncidentAction) {
        actions[action.id] = action
    }

    public func outstandingActions() -> [QueuedIncidentAction] {
        all().filter(\.isOutstanding)
    }

    /// Every action ever stored, oldest first.
    public func all() -> [QueuedIncidentAction] {
        actions.values.sorted { ($0.enqueuedAt, Int($0.id) ?? 0) < ($1.enqueuedAt, Int($1.id) ?? 0) }
    }
}
