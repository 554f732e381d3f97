import Foundation
import OpsDeckCore
import OpsDeckSync
import Synchronization
import Testing

/// The refresh scheduler with a clock the test moves: nothing here waits for time to pass.
struct RefreshSchedulerTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let intervals: [Source: TimeInterval] = [
        .alarms: 60, .pipelines: 120, .organizations: 3_600, .roles: 3_600, .cost: 21_600,
    ]

    /// A clock the test sets.
    final class TestClock: Sendable {
        private let value = Mutex(RefreshSchedulerTests.start)
        var now: Date { value.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    /// Records the runs and lets the test decide when each ends and whether it fails.
    final class Runs: Sendable {
        private let state = Mutex<(calls: [Set<Source>], failing: Set<Source>)>(([], []))
        private let gated: Bool
        // Releases granted before a run waited, and runs waiting for one.
        private let gate = Mutex<(permits: Int, waiting: [CheckedContinuation<Void, Never>])>((0, []))

        init(gated: Bool = false) { self.gated = gated }

        var calls: [Set<Source>] { state.withLock { $0.calls } }
        func fail(_ sources: Set<Source>) { state.withLock { $0.failing = sources } }
        /// Lets one gated run finish.
        func release() {
            let waiter = gate.withLock { gate -> CheckedContinuation<Void, Never>? in
                if gate.waiting.isEmpty {
                    gate.permits += 1
                    return nil
                }
                return gate.waiting.removeFirst()
            }
            waiter?.resume()
        }

        func run(_ sources: Set<Source>) async -> RefreshReport {
            let failing = state.withLock { state in
                state.calls.append(sources)
                return state.failing
            }
            if gated {
                await withCheckedContinuation { continuation in
                    let go = gate.withLock { gate -> Bool in
                        if gate.permits > 0 {
                            gate.permits -= 1
                            return true
                        }
                        gate.waiting.append(continuation)
                        return false
                    }
                    if go { continuation.resume() }
                }
            }
            let failures = sources.intersection(failing).map {
                RefreshReport.Failure(
                    source: $0, accountId: "111122223333", region: "us-east-1", message: "boom")
            }
            return RefreshReport(succeeded: sources.count - failures.count, failures: failures)
        }
    }

    static func scheduler(
        _ sources: Set<Source>, clock: TestClock, runs: Runs, lastAttempts: [Source: Date] = [:]
    ) -> RefreshScheduler {
        RefreshScheduler(
            sources: sources,
            schedule: RefreshSchedule(intervals: intervals, lastAttempts: lastAttempts, maxBackoff: 600),
            now: { clock.now }, run: { sources, _ in await runs.run(sources) })
    }

    @Test func aSourceIsDueItsIntervalAfterItsLastAttempt() async {
        let clock = TestClock()
        let runs = Runs()
        let scheduler = Self.scheduler([.alarms, .pipelines], clock: clock, runs: runs)
        // Never attempted: both due at once, as one refresh.
        _ = await scheduler.tick()?.value
        #expect(runs.calls == [[.alarms, .pipelines]])
        clock.advance(59)
        #expect(await scheduler.tick() == nil)
        clock.advance(1)
        _ = await scheduler.tick()?.value
        #expect(runs.calls.last == [.alarms])
        clock.advance(60)
        _ = await scheduler.tick()?.value
        #expect(runs.calls.last == [.alarms, .pipelines])
        #expect(runs.calls.count == 3)
    }

    @Test func theLastAttemptsInTheCacheCarryOverARestart() async {
        let clock = TestClock()
        let runs = Runs()
        let statuses = [
            SourceStatus(
                source: .cost, accountId: "123456789012", region: "global",
                lastAttemptAt: Self.start.addingTimeInterval(-3_600)),
            SourceStatus(
                source: .roles, accountId: "111122223333", region: "global",
                lastAttemptAt: Self.start.addingTimeInterval(-4_000)),
            SourceStatus(
                source: .roles, accountId: "444455556666", region: "global",
                lastAttemptAt: Self.start.addingTimeInterval(-100)),
        ]
        let attempts = RefreshSchedule.lastAttempts(from: statuses)
        #expect(attempts[.roles] == Self.start.addingTimeInterval(-100))
        let scheduler = Self.scheduler(
            [.cost, .roles, .alarms], clock: clock, runs: runs, lastAttempts: attempts)
        _ = await scheduler.tick()?.value
        // Cost was fetched an hour ago and roles 100 s ago: only alarms are due.
        #expect(runs.calls == [[.alarms]])
        let costDue = await scheduler.schedule.nextDue(.cost)
        #expect(costDue == Self.start.addingTimeInterval(-3_600 + 21_600))
    }

    @Test func aFailingSourceBacksOffAndASuccessResetsIt() async {
        let clock = TestClock()
        let runs = Runs()
        runs.fail([.alarms])
        let scheduler = Self.scheduler([.alarms], clock: clock, runs: runs)
        _ = await scheduler.tick()?.value
        // One failure: twice the interval.
        #expect(await scheduler.schedule.delay(of: .alarms) == 120)
        clock.advance(60)
        #expect(await scheduler.tick() == nil)
        clock.advance(60)
        _ = await scheduler.tick()?.value
        #expect(await scheduler.schedule.delay(of: .alarms) == 240)
        // Capped at maxBackoff (600 s here).
        for _ in 0..<4 {
            clock.advance(600)
            _ = await scheduler.tick()?.value
        }
        #expect(await scheduler.schedule.delay(of: .alarms) == 600)
        runs.fail([])
        clock.advance(600)
        _ = await scheduler.tick()?.value
        #expect(await scheduler.schedule.delay(of: .alarms) == 60)
        #expect(runs.calls.count == 7)
    }

    @Test func backingOffNeverShortensALongInterval() {
        var schedule = RefreshSchedule(intervals: Self.intervals, maxBackoff: 600)
        schedule.recordAttempt(.cost, at: Self.start, failed: true)
        #expect(schedule.delay(of: .cost) == 21_600)
    }

    @Test func oneRefreshPerSourceAtATime() async {
        let clock = TestClock()
        let runs = Runs(gated: true)
        let scheduler = Self.scheduler(
            [.alarms, .roles], clock: clock, runs: runs, lastAttempts: [.roles: Self.start])
        let first = await scheduler.tick()
        #expect(first != nil)
        #expect(await scheduler.running == [.alarms])
        // Due again, but still running: neither the clock nor the user starts a second one.
        clock.advance(300)
        let second = await scheduler.tick()
        #expect(await scheduler.running == [.alarms])
        let manual = await scheduler.refreshNow([.alarms, .roles])
        #expect(manual.alreadyRunning == [.alarms])
        #expect(manual.started == [.roles])
        #expect(second == nil)
        #expect(await scheduler.running == [.alarms, .roles])
        runs.release()
        runs.release()
        _ = await first?.value
        _ = await manual.task?.value
        #expect(await scheduler.running.isEmpty)
        #expect(runs.calls.count == 2)
        #expect(runs.calls.filter { $0.contains(.alarms) }.count == 1)
    }

    @Test func closingCancelsTheRunningRefreshes() async {
        let clock = TestClock()
        let runs = Runs(gated: true)
        let sawCancellation = Mutex(false)
        let scheduler = RefreshScheduler(
            sources: [.alarms], schedule: RefreshSchedule(intervals: Self.intervals), now: { clock.now }
        ) { sources, _ in
            let report = await runs.run(sources)
            sawCancellation.withLock { $0 = Task.isCancelled }
            return report
        }
        let running = await scheduler.tick()
        await scheduler.cancelAll()
        runs.release()
        _ = await running?.value
        #expect(sawCancellation.withLock { $0 })
        #expect(await scheduler.running.isEmpty)
    }

    @Test func costIsServedFromTheCacheUntilDueUnlessForced() async {
        let clock = TestClock()
        let runs = Runs()
        let fetched = Self.start.addingTimeInterval(-600)
        let scheduler = Self.scheduler(
            [.cost, .roles], clock: clock, runs: runs, lastAttempts: [.cost: fetched, .roles: fetched])
        let asked = await scheduler.refreshNow([.cost, .roles])
        _ = await asked.task?.value
        // Roles run when asked; cost waits for its 6 h.
        #expect(asked.started == [.roles])
        #expect(asked.notDue == [.cost: fetched.addingTimeInterval(21_600)])
        #expect(runs.calls == [[.roles]])
        let forced = await scheduler.refreshNow([.cost], force: true)
        _ = await forced.task?.value
        #expect(forced.started == [.cost])
        #expect(runs.calls.last == [.cost])
        // The forced fetch counts: cost is next due 6 h after it.
        #expect(await scheduler.schedule.nextDue(.cost) == Self.start.addingTimeInterval(21_600))
    }

    @Test func theLoopSleepsUntilTheNextSourceIsDue() async {
        let clock = TestClock()
        let runs = Runs()
        let earlier = Self.start.addingTimeInterval(-30)
        let scheduler = Self.scheduler(
            [.alarms, .pipelines], clock: clock, runs: runs,
            lastAttempts: [.alarms: earlier, .pipelines: earlier])
        let sleeps = Mutex<[Duration]>([])
        await scheduler.runLoop(minimumWait: 1, maximumWait: 1_000) { duration in
            let count = sleeps.withLock {
                $0.append(duration)
                return $0.count
            }
            // Let the refresh the tick started finish before the clock moves on.
            while await !scheduler.running.isEmpty { await Task.yield() }
            clock.advance(Double(duration.components.seconds))
            if count == 3 { throw CancellationError() }
        }
        // Alarms due in 30 s; then pipelines in 60 s, when alarms are due again too; then
        // both are running and the loop only looks again after its longest wait.
        #expect(sleeps.withLock { $0 } == [.seconds(30), .seconds(60), .seconds(1_000)])
        #expect(runs.calls == [[.alarms], [.alarms, .pipelines]])
    }
}
