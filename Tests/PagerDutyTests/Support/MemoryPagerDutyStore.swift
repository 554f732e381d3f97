import Foundation
import OpsDeckCore
import PagerDuty

/// The cache's part for the refresh, in memory.
actor MemoryPagerDutyStore: PagerDutyStore {
    let actions = InMemoryIncidentActionStore()
    private(set) var incidents: [String: Incident] = [:]
    private(set) var cursor: Date?
    private(set) var onCalls: [OnCall] = []

    func outstandingActions() async throws -> [QueuedIncidentAction] { await actions.outstandingActions() }
    func save(_ action: QueuedIncidentAction) async throws { await actions.save(action) }
    func backfillCursor() -> Date? { cursor }

    func saveIncidents(_ incidents: [Incident], cursor: Date, fetchedAt: Date) {
        for incident in incidents { self.incidents[incident.id] = incident }
        self.cursor = cursor
    }

    func saveOnCalls(_ onCalls: [OnCall], fetchedAt: Date) { self.onCalls = onCalls }
}
