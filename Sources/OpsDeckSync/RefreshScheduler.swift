import Foundation
import OpsDeckCore

/// Runs each source when it is due, and now when the user asks, never two refreshes of one
/// source at a time.
///
/// Sources due together run as one refresh (one fan-out, one AssumeRole per account). A
/// source whose refresh failed anywhere waits longer each time (`RefreshSchedule.delay`).
/// The clock and the work are injected: tests call `tick()` with a clock they move.
public actor RefreshScheduler {
    /// Does one refresh of the given sources; never throws (failures are in the report).
    public typealias Run = @Sendable (_ sources: Set<Source>, _ trigger: Trigger) async -> RefreshReport

    /// Why a refresh ran.
    public enum Trigger: Sendable, Hashable {
        /// The sources were due.
        case scheduled
        /// The user asked (`r`, `:refresh`).
        case manual
    }

    /// What a request for a refresh now became.
    public struct Request: Sendable {
        /// The sources that started; empty when none did.
        public var started: Set<Source>
        /// Asked for but already refreshing.
        public var alreadyRunning: Set<Source>
        /// Asked for but not due, with when they are (gated sources only).
        public var notDue: [Source: Date]
        /// Finishes with the refresh's report; nil when nothing started.
        public var task: Task<RefreshReport, Never>?
    }

    /// The sources this scheduler looks after.
    public nonisolated let sources: Set<Source>
    /// When each source is due.
    public private(set) var schedule: RefreshSchedule
    /// The sources refreshing now.
    public private(set) var running: Set<Source> = []
    private var tasks: [Int: Task<RefreshReport, Never>] = [:]
    private var nextTaskId = 0
    private let now: @Sendable () -> Date
    private let run: Run

    /// Creates a scheduler.
    /// - Parameters:
    ///   - sources: What to keep fresh (those a refresher supports).
    ///   - schedule: Intervals and the last attempts read from the cache.
    ///   - now: The clock.
    ///   - run: Does one refresh.
    public init(
        sources: Set<Source>, schedule: RefreshSchedule, now: @escaping @Sendable () -> Date,
        run: @escaping Run
    ) {
        self.sources = sources
        self.schedule = schedule
        self.now = now
        self.run = run
    }

    /// Starts, as one refresh, every source that is due and not already refreshing.
    /// - Returns: The refresh started, or nil when nothing was due.
    @discardableResult
    public func tick() -> Task<RefreshReport, Never>? {
        let due = schedule.due(sources.subtracting(running), now: now())
        guard !due.isEmpty else { return nil }
        return start(due, trigger: .scheduled)
    }

    /// Starts a refresh of `requested` now, apart from sources already refreshing and, unless
    /// `force`, gated sources (cost) that are not due yet.
    public func refreshNow(_ requested: Set<Source>, force: Bool = false) -> Request {
        let requested = requested.intersection(sources)
        let time = now()
        var notDue: [Source: Date] = [:]
        if !force {
            for source in requested.intersection(RefreshSchedule.gated)
            where !schedule.isDue(source, now: time) {
                notDue[source] = schedule.nextDue(source)
            }
        }
        let alreadyRunning = requested.intersection(running)
        let toStart = requested.subtracting(alreadyRunning).subtracting(notDue.keys)
        let task = toStart.isEmpty ? nil : start(toStart, trigger: .manual)
        return Request(started: toStart, alreadyRunning: alreadyRunning, notDue: notDue, task: task)
    }

    /// How long until the next source not refreshing is due (zero when one is due now); nil
    /// when every source is refreshing.
    public func timeUntilNextDue() -> TimeInterval? {
        let time = now()
        let waits = sources.subtracting(running).map { source in
            max(0, (schedule.nextDue(source) ?? time).timeIntervalSince(time))
        }
        return waits.min()
    }

    /// Ticks until cancelled, sleeping until the next source is due (between `minimumWait`
    /// and `maximumWait`, so a source freed by a finished refresh is seen soon).
    /// - Parameter sleep: Waits; throws when cancelled.
    public func runLoop(
        minimumWait: TimeInterval = 1, maximumWait: TimeInterval = 15,
        sleep: @Sendable (Duration) async throws -> Void
    ) async {
        while !Task.isCancelled {
            tick()
            let wait = min(maximumWait, max(minimumWait, timeUntilNextDue() ?? maximumWait))
            do {
                try await sleep(.milliseconds(Int64(wait * 1_000)))
            } catch {
                return
            }
        }
    }

    /// Cancels every refresh running (the console is closing). Does not wait for them: a
    /// cancelled refresh records nothing, and the caller closes the connections next.
    public func cancelAll() {
        for task in tasks.values { task.cancel() }
    }

    private func start(_ sources: Set<Source>, trigger: Trigger) -> Task<RefreshReport, Never> {
        running.formUnion(sources)
        let startedAt = now()
        let run = self.run
        nextTaskId += 1
        let id = nextTaskId
        let task = Task {
            let report = await run(sources, trigger)
            self.finish(sources, id: id, startedAt: startedAt, report: report)
            return report
        }
        tasks[id] = task
        return task
    }

    private func finish(_ sources: Set<Source>, id: Int, startedAt: Date, report: RefreshReport) {
        tasks[id] = nil
        let failed = report.failedSources
        for source in sources {
            schedule.recordAttempt(source, at: startedAt, failed: failed.contains(source))
        }
        running.subtract(sources)
    }
}
