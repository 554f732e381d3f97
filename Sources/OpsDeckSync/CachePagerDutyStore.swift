import Foundation
import OpsDeckCache
import OpsDeckCore
import PagerDuty

/// The PagerDuty refresh's state in the cache: incidents, backfill cursor, on-calls and
/// the action queue, so queued actions survive a restart and the UI sees them.
public struct CachePagerDutyStore: PagerDutyStore {
    public let cache: CacheDatabase
    /// The clock for which conflicts are still shown.
    public let now: @Sendable () -> Date

    /// Creates a store over the cache.
    public init(cache: CacheDatabase, now: @escaping @Sendable () -> Date = Date.init) {
        self.cache = cache
        self.now = now
    }

    public func enqueue(_ action: IncidentAction, at date: Date) throws -> QueuedIncidentAction {
        try cache.enqueueIncidentAction(action, at: date)
    }

    public func update(_ action: QueuedIncidentAction) throws {
        try cache.updateIncidentAction(action)
    }

    public func outstandingActions() throws -> [QueuedIncidentAction] {
        try cache.outstandingIncidentActions(now: now())
    }

    public func backfillCursor() throws -> Date? {
        try cache.pagerDutyBackfillCursor()
    }

    public func saveIncidents(_ incidents: [Incident], cursor: Date, fetchedAt: Date) throws {
        try cache.upsertIncidents(incidents, fetchedAt: fetchedAt)
        try cache.recordPagerDutyRefresh(cursor: cursor, fetchedAt: fetchedAt)
    }

    public func saveOnCalls(_ onCalls: [OnCall], fetchedAt: Date) throws {
        try cache.replaceOnCalls(onCalls, fetchedAt: fetchedAt)
    }
}
