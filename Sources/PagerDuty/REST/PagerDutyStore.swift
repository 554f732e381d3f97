import Foundation
import OpsDeckCore

/// What the PagerDuty refresh keeps between runs: incidents, the backfill cursor, the
/// on-calls and the action queue. The cache implements it in the app.
public protocol PagerDutyStore: IncidentActionStore {
    /// The time of the last PagerDuty event already read, or nil before the first refresh.
    func backfillCursor() async throws -> Date?
    /// Upserts incidents and moves the cursor, in one transaction.
    func saveIncidents(_ incidents: [Incident], cursor: Date, fetchedAt: Date) async throws
    /// Replaces who is on call.
    func saveOnCalls(_ onCalls: [OnCall], fetchedAt: Date) async throws
}
