import OpsDeckCore

/// Where queued incident actions live between runs: the cache in the app, memory in tests.
public protocol IncidentActionStore: Sendable {
    /// Actions not yet sent, oldest first (pending, and conflicts/failures still to show).
    func outstandingActions() async throws -> [QueuedIncidentAction]
    /// Inserts or replaces one action by id.
    func save(_ action: QueuedIncidentAction) async throws
}

/// A store in memory, for tests and `--demo`.
public actor InMemoryIncidentActionStore: IncidentActionStore {
    private var actions: [String: QueuedIncidentAction] = [:]

    /// Creates an empty store.
    public init() {}

    public func outstandingActions() -> [QueuedIncidentAction] {
        actions.values.filter(\.isOutstanding).sorted { ($0.enqueuedAt, $0.id) < ($1.enqueuedAt, $1.id) }
    }

    public func save(_ action: QueuedIncidentAction) {
        actions[action.id] = action
    }

    /// Every action ever saved, for tests.
    public func all() -> [QueuedIncidentAction] {
        actions.values.sorted { ($0.enqueuedAt, $0.id) < ($1.enqueuedAt, $1.id) }
    }
}
