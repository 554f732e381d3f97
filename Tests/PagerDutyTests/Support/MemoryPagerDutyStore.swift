import Foundation
import OpsDeckCore
import PagerDuty

/// The cache's part for the refresh, in memory.
actor MemoryPagerDutyStore: PagerDutyStore {
    let actions = InMemoryIncidentActionStore()
    private(set) var incidents: [String: Incident] = [:]
    private(set) var cursor: Date?
    private(set) var onCalls: [OnCall] = []

    func enqueue(_ action: IncidentAction, at date: Date) async -> QueuedIncidentAction {
        await actions.enqueue(action, at: date)
    }
    func update(_ action: QueuedIncidentAction) async { await actions.update(action) }
    func outstandingActions() async -> [QueuedIncidentAction] { await actions.outstandingActions() }
    func backfillCursor() -> Date? { cursor }

    func saveIncidents(_ incidents: [Incident], cursor: Date, fetchedAt: Date) {
        for incident in incidents { self.incidents[incident.id] = incident }
        self.cursor = cursor
    }

    func saveOnCalls(_ onCalls: [OnCall], fetchedAt: Date) { self.onCalls = onCalls }
}
