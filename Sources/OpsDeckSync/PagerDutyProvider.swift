import Foundation
import OpsDeckCache
import OpsDeckCore
import PagerDuty

/// The PagerDuty source of the refresh: sends queued incident actions, backfills what
/// changed since the last event seen, and reads who is on call.
///
/// Call ``refresh(now:)`` on start and then every `refreshIntervals[.incidents]`
/// (60 s by default); it never throws, and its report names every failure.
public struct PagerDutyProvider: Sendable {
    public let sync: PagerDutySync

    /// Creates a provider over a client and a store (the cache in the app).
    public init(client: PagerDutyClient, store: any PagerDutyStore, initialWindow: TimeInterval = 7 * 86_400)
    {
        sync = PagerDutySync(client: client, store: store, initialWindow: initialWindow)
    }

    /// The provider the app runs: the cache is the store.
    public init(client: PagerDutyClient, cache: CacheDatabase) {
        self.init(client: client, store: CachePagerDutyStore(cache: cache))
    }

    /// One refresh, reported as the other sources report theirs. A failure is also written
    /// to the cache's status of the incidents source, so the Alerts pane shows its age.
    public func refresh(now: Date, cache: CacheDatabase) async -> RefreshReport {
        let report = await refresh(now: now)
        if let failure = report.failures.first {
            try? cache.recordFailure(
                source: .incidents, accountId: CacheDatabase.anyAccount, region: CacheDatabase.globalRegion,
                at: now,
                message: failure.message)
        }
        return report
    }

    /// One refresh, reported as the other sources report theirs.
    public func refresh(now: Date) async -> RefreshReport {
        let result = await sync.refresh(now: now)
        var report = RefreshReport()
        report.succeeded =
            (result.failures.contains { $0.step == "incidents" } ? 0 : 1)
            + (result.onCalls == nil ? 0 : 1) + result.flush.sent.count
        for failure in result.failures {
            report.failures.append(
                RefreshReport.Failure(
                    source: .incidents, accountId: "*", region: "global",
                    message: "PagerDuty \(failure.step): \(failure.error)"))
        }
        return report
    }
}
