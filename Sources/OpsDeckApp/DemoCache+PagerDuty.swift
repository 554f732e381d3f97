import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckDemo

extension DemoCache {
    /// Puts the demo's on-calls and queued actions into `cache`: the console's demo shows
    /// them, while `write` alone (the screen tests' fixture) leaves them out.
    ///
    /// An incident that already has an outstanding action gets no second one, so refreshing
    /// the demo does not pile them up.
    public static func writePagerDuty(_ dataset: DemoDataset, into cache: CacheDatabase) throws {
        try cache.replaceOnCalls(DemoOrganization.onCalls(now: dataset.now), fetchedAt: dataset.now)
        let outstanding = Set(try cache.outstandingIncidentActions(now: dataset.now).map(\.action.incidentId))
        for action in DemoOrganization.incidentActions(for: dataset.incidents, now: dataset.now)
        where !outstanding.contains(action.action.incidentId) {
            var stored = try cache.enqueueIncidentAction(action.action, at: action.enqueuedAt)
            stored.state = action.state
            stored.attempts = action.attempts
            stored.lastAttemptAt = action.lastAttemptAt
            stored.message = action.message
            try cache.updateIncidentAction(stored)
        }
    }
}
