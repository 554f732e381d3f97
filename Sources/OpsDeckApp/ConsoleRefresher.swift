import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckDemo
import OpsDeckSync
import OpsDeckUI
import Synchronization

/// Carries out `r` / `:refresh` and, in live mode, the scheduled refreshes. Results reach
/// the UI through the cache; progress and outcome through the mailbox.
///
/// The demo regenerates its organization as of now. Live mode refreshes from AWS with the
/// same factory as `opsdeck refresh` (`LiveAWS`), each source when due (`RefreshScheduler`).
final class ConsoleRefresher: Sendable {
    let cache: CacheDatabase
    /// Set in demo mode.
    let demoSize: DemoSize?
    let logger: Logger
    private let live = Mutex<Live?>(nil)

    private struct Live: Sendable {
        var aws: LiveAWS
        var scheduler: RefreshScheduler
        var mfa: ConsoleMFAPrompt
        var loop: Task<Void, Never>
    }

    init(cache: CacheDatabase, demoSize: DemoSize?, logger: Logger) {
        self.cache = cache
        self.demoSize = demoSize
        self.logger = logger
    }

    /// Starts live mode: builds the AWS clients and the scheduler, and refreshes each source
    /// when it is due until `stop()`. Does nothing in demo mode.
    func startLive(
        mailbox: ActionMailbox, inputs: LiveAWS.Inputs, configuration: OpsDeckConfiguration,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        guard demoSize == nil else { return }
        let mfa = ConsoleMFAPrompt(mailbox: mailbox)
        var inputs = inputs
        inputs.mfaPrompt = { serial in try await mfa.ask(serial) }
        let aws = LiveAWS.make(inputs, configuration: configuration, logger: logger)
        let refresher = aws.refresher(cache: cache)
        let statuses = (try? cache.snapshot(now: now()).statuses) ?? []
        let schedule = RefreshSchedule(
            intervals: LiveAWS.intervals(configuration),
            lastAttempts: RefreshSchedule.lastAttempts(from: statuses))
        let counter = Atomic<Int>(0)
        let scheduler = RefreshScheduler(
            sources: Refresher.supportedSources, schedule: schedule, now: now
        ) { sources, trigger in
            let id = counter.wrappingAdd(1, ordering: .relaxed).newValue
            mailbox.post(
                .refreshEvent(.started(id: id, sources: sources.sorted { $0.rawValue < $1.rawValue })))
            let cancelledBefore = mfa.cancellations.count
            let report = await refresher.refresh(only: sources) { done, total in
                mailbox.post(.refreshEvent(.progress(id: id, done: done, total: total)))
            }
            var message = RefreshMessages.summary(report, sources: sources, manual: trigger == .manual)
            let cancelled = mfa.cancellations
            if !report.isComplete, cancelled.count != cancelledBefore, let serial = cancelled.serial {
                // The long per-account message would hide the one reason that matters.
                message = RefreshMessages.mfaCancelled(sources: sources, serial: serial)
            }
            mailbox.post(.refreshEvent(.finished(id: id, message: message, isError: !report.isComplete)))
            return report
        }
        let loop = Task.detached {
            await scheduler.runLoop { duration in try await Task.sleep(for: duration) }
        }
        live.withLock { $0 = Live(aws: aws, scheduler: scheduler, mfa: mfa, loop: loop) }
    }

    /// Refreshes the sources behind `pane` now.
    func refresh(_ pane: PaneID, mailbox: ActionMailbox) {
        if let current = live.withLock({ $0 }) {
            let wanted = Set(pane.sources).intersection(Refresher.supportedSources)
            guard !wanted.isEmpty else {
                mailbox.post(
                    .message("\(pane.title): nothing to refresh from AWS in this build", isError: false))
                return
            }
            Task.detached {
                let request = await current.scheduler.refreshNow(wanted)
                let schedule = await current.scheduler.schedule
                for (source, due) in request.notDue.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let text = RefreshMessages.costFromCache(
                        lastAttempt: schedule.lastAttempts[source], nextDue: due,
                        interval: schedule.interval(of: source), now: Date())
                    mailbox.post(
                        .message(text + "; `opsdeck refresh --only cost --force` fetches now", isError: false)
                    )
                }
                if request.started.isEmpty, !request.alreadyRunning.isEmpty {
                    let names = request.alreadyRunning.map(\.rawValue).sorted().joined(separator: ", ")
                    mailbox.post(.message("\(names) already refreshing", isError: false))
                }
            }
            return
        }
        guard let demoSize else {
            mailbox.post(.message("\(pane.title): live refresh is not running", isError: true))
            return
        }
        let cache = self.cache
        let logger = self.logger
        Task.detached {
            do {
                try DemoCache.write(DemoOrganization.generate(size: demoSize, now: Date()), into: cache)
                mailbox.post(.message("\(pane.title) refreshed (demo data regenerated)", isError: false))
            } catch {
                logger.error("demo refresh failed: \(error)")
                mailbox.post(.message("Refresh failed: \(error)", isError: true))
            }
        }
    }

    /// Hands the MFA prompt's answer to the refresh waiting for it.
    func answerMFA(_ code: MFACode?) {
        live.withLock { $0 }?.mfa.answer(code)
    }

    /// Stops scheduling, fails any open MFA request and closes connections.
    func stop() async {
        guard
            let current = live.withLock({ live in
                defer { live = nil }
                return live
            })
        else { return }
        current.loop.cancel()
        current.mfa.cancelAll()
        await current.scheduler.cancelAll()
        await current.aws.shutdown()
    }
}
