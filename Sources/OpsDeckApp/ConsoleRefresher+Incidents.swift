import Foundation
import OpsDeckConfig
import OpsDeckCore
import OpsDeckSync
import OpsDeckUI
import Synchronization

extension ConsoleRefresher {
    /// Ids of the refreshes the status bar shows, shared by the AWS and PagerDuty schedulers
    /// so two refreshes running together are told apart.
    static let refreshIds = Atomic<Int>(0)

    /// The scheduler of the PagerDuty source: every `[refresh] incidents` (60 s by default)
    /// it flushes the action queue, backfills what changed and reads who is on call, telling
    /// the status bar as the AWS sources do.
    /// - Parameters:
    ///   - statuses: the cache's source statuses, so a restart does not refresh again at once
    ///     what was refreshed a moment ago.
    ///   - refresh: one PagerDuty refresh at the given time (`PagerDutyProvider.refresh`).
    ///   - post: where progress and outcome go.
    static func incidentsScheduler(
        configuration: OpsDeckConfiguration, statuses: [SourceStatus], now: @escaping @Sendable () -> Date,
        refresh: @escaping @Sendable (Date) async -> RefreshReport,
        post: @escaping @Sendable (RefreshEvent) -> Void
    ) -> RefreshScheduler {
        let intervals = LiveAWS.intervals(configuration).filter { $0.key == .incidents }
        let schedule = RefreshSchedule(
            intervals: intervals,
            lastAttempts: RefreshSchedule.lastAttempts(from: statuses.filter { $0.source == .incidents }))
        return RefreshScheduler(sources: [.incidents], schedule: schedule, now: now) { sources, trigger in
            let id = refreshIds.wrappingAdd(1, ordering: .relaxed).newValue
            post(.started(id: id, sources: [.incidents]))
            let report = await refresh(now())
            let message = RefreshMessages.summary(report, sources: sources, manual: trigger == .manual)
            post(.finished(id: id, message: message, isError: !report.isComplete))
            return report
        }
    }

    /// `r` in the Alerts pane: incidents now, unless a refresh of them is running.
    static func refreshIncidentsNow(_ scheduler: RefreshScheduler, mailbox: ActionMailbox) async {
        let request = await scheduler.refreshNow([.incidents])
        if request.started.isEmpty, !request.alreadyRunning.isEmpty {
            mailbox.post(.message("incidents already refreshing", isError: false))
        }
    }
}
