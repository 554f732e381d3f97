import Foundation
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckDemo
import OpsDeckSync
import OpsDeckUI
import Synchronization
import Testing

@testable import OpsDeckApp

/// The PagerDuty source in the console's refresh loop, driven with a clock the test moves.
@Suite("PagerDuty refresh wiring")
struct PagerDutyRefreshWiringTests {
    static let start = Date(timeIntervalSinceReferenceDate: 815_000_000)

    /// A clock the test moves, the refreshes it saw and the events posted.
    final class Harness: Sendable {
        let time = Mutex(PagerDutyRefreshWiringTests.start)
        let refreshes = Mutex<[Date]>([])
        let events = Mutex<[RefreshEvent]>([])
        let failing = Mutex(false)

        func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }

        func scheduler(
            _ configuration: OpsDeckConfiguration = OpsDeckConfiguration(), statuses: [SourceStatus] = []
        ) -> RefreshScheduler {
            ConsoleRefresher.incidentsScheduler(
                configuration: configuration, statuses: statuses, now: { self.time.withLock { $0 } },
                refresh: { date in
                    self.refreshes.withLock { $0.append(date) }
                    guard self.failing.withLock({ $0 }) else { return RefreshReport(succeeded: 2) }
                    return RefreshReport(failures: [
                        RefreshReport.Failure(
                            source: .incidents, accountId: "*", region: "global",
                            message: "PagerDuty incidents: PagerDuty (127.0.0.1) cannot be reached")
                    ])
                },
                post: { event in self.events.withLock { $0.append(event) } })
        }
    }

    @Test("Incidents refresh on start and then every 60 s by default")
    func defaultInterval() async throws {
        let harness = Harness()
        let scheduler = harness.scheduler()
        #expect(scheduler.sources == [.incidents])
        _ = try await #require(await scheduler.tick()).value
        harness.advance(59)
        #expect(await scheduler.tick() == nil)
        harness.advance(1)
        _ = try await #require(await scheduler.tick()).value
        #expect(harness.refreshes.withLock { $0 } == [Self.start, Self.start.addingTimeInterval(60)])
    }

    @Test("[refresh] incidents sets the interval, and a restart keeps to the last attempt in the cache")
    func configuredIntervalAndLastAttempt() async throws {
        let harness = Harness()
        var configuration = OpsDeckConfiguration()
        configuration.refresh[.incidents] = .seconds(120)
        // Other sources' statuses must not make incidents look fresh.
        let statuses = [
            SourceStatus(
                source: .incidents, accountId: CacheDatabase.anyAccount, region: CacheDatabase.globalRegion,
                lastAttemptAt: Self.start.addingTimeInterval(-30)),
            SourceStatus(
                source: .alarms, accountId: "111111111111", region: "us-east-1", lastAttemptAt: Self.start),
        ]
        let scheduler = harness.scheduler(configuration, statuses: statuses)
        #expect(await scheduler.schedule.interval(of: .incidents) == 120)
        #expect(await scheduler.tick() == nil)
        harness.advance(89)
        #expect(await scheduler.tick() == nil)
        harness.advance(1)
        _ = try await #require(await scheduler.tick()).value
        #expect(harness.refreshes.withLock { $0.count } == 1)
    }

    @Test("A failed refresh is reported as an error and waits longer before the next")
    func failureBacksOff() async throws {
        let harness = Harness()
        harness.failing.withLock { $0 = true }
        let scheduler = harness.scheduler()
        _ = try await #require(await scheduler.tick()).value
        let events = harness.events.withLock { $0 }
        guard case .started(let id, let sources) = events.first,
            case .finished(let endId, let message, let isError) = events.last
        else {
            Issue.record("expected started then finished, got \(events)")
            return
        }
        #expect(sources == [.incidents])
        #expect(id == endId)
        #expect(isError)
        #expect(message?.contains("cannot be reached") == true)
        harness.advance(60)
        #expect(await scheduler.tick() == nil, "after a failure the interval doubles")
        harness.advance(60)
        #expect(await scheduler.tick() != nil)
    }

    @Test("r asks for incidents now: a manual refresh says what it did; a scheduled one stays quiet")
    func manualRefresh() async throws {
        let harness = Harness()
        let scheduler = harness.scheduler()
        _ = try await #require(await scheduler.tick()).value
        guard case .finished(_, let quiet, _) = harness.events.withLock({ $0.last }) else {
            Issue.record("no finished event")
            return
        }
        #expect(quiet == nil)
        let request = await scheduler.refreshNow([.incidents])
        #expect(request.started == [.incidents])
        _ = try await #require(request.task).value
        guard case .finished(_, let said, let isError) = harness.events.withLock({ $0.last }) else {
            Issue.record("no finished event")
            return
        }
        #expect(!isError)
        #expect(said?.hasPrefix("Refreshed incidents") == true)
        #expect(harness.refreshes.withLock { $0.count } == 2, "not gated: incidents are fetched when asked")
    }

    @Test("Without a token there is no PagerDuty client; the token's origin is named, never its value")
    func tokenOrigin() throws {
        let settings = PagerDutySettings(token: Secret("file-token-77aa"))
        if case .success = LivePagerDuty.make(PagerDutySettings(), env: [:]) {
            Issue.record("a client without a token")
        }
        guard
            case .failure(let reason) = LivePagerDuty.make(
                PagerDutySettings(), env: [:], configPath: "/x.toml")
        else { return }
        #expect(reason.description.contains("PAGERDUTY_TOKEN") && reason.description.contains("/x.toml"))
        #expect(LivePagerDuty.tokenOrigin(PagerDutySettings(), env: [:], configPath: nil) == nil)
        let fromFile = try #require(LivePagerDuty.tokenOrigin(settings, env: [:], configPath: "/c.toml"))
        #expect(fromFile == "pagerduty.token in /c.toml")
        let fromEnv = try #require(
            LivePagerDuty.tokenOrigin(
                settings, env: ["PAGERDUTY_TOKEN": "env-token-88bb"], configPath: "/c.toml"))
        #expect(fromEnv == "environment variable PAGERDUTY_TOKEN")
        let fromOpsDeck = try #require(
            LivePagerDuty.tokenOrigin(
                settings, env: ["PAGERDUTY_TOKEN": "a", "OPSDECK_PAGERDUTY_TOKEN": "b"], configPath: nil))
        #expect(fromOpsDeck == "environment variable OPSDECK_PAGERDUTY_TOKEN")
        #expect(!fromFile.contains("file-token") && !fromEnv.contains("env-token"))
    }

    @Test("Only listing is allowed under --readonly; flush changes incidents too")
    func readonlyCommands() {
        #expect(!IncidentsRunner.changes(.list(statuses: [], sinceHours: 1)))
        #expect(IncidentsRunner.changes(.act(kind: .acknowledge, incidentIds: ["P1"])))
        #expect(IncidentsRunner.changes(.flush))
    }

    @Test("The demo has on-calls and a pending and a conflicted action, not doubled by a refresh")
    func demoPagerDuty() throws {
        let cache = try CacheDatabase.inMemory()
        let dataset = DemoOrganization.generate(size: .standard, now: Self.start)
        try DemoCache.write(dataset, into: cache)
        try DemoCache.writePagerDuty(dataset, into: cache)
        try DemoCache.writePagerDuty(dataset, into: cache)
        let snapshot = try cache.snapshot(now: Self.start)
        #expect(OnCall.summary(snapshot.pagerDuty.onCalls) == "Grace Okafor, Lena Vogel, Priya Raman")
        let states = snapshot.pagerDuty.actions.map(\.state).sorted { $0.rawValue < $1.rawValue }
        #expect(states == [.conflict, .pending])
        for action in snapshot.pagerDuty.actions {
            let incident = try #require(dataset.incidents.first { $0.id == action.action.incidentId })
            #expect(incident.status == (action.state == .pending ? .triggered : .acknowledged))
        }
    }

    @Test("The console's sends and the refresh's flush of the queue run one at a time, in order")
    func sendsAreSerialized() async {
        let gate = SerialGate()
        let log = Log()
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        let first = Task {
            await gate.run {
                log.entries.withLock { $0.append("first start") }
                startedSignal.yield()
                for await _ in release { break }
                log.entries.withLock { $0.append("first end") }
            }
        }
        for await _ in started { break }
        let second = Task { await gate.run { log.entries.withLock { $0.append("second") } } }
        // Give the second job every chance to overtake; it must not.
        for _ in 0..<200 { await Task.yield() }
        #expect(log.entries.withLock { $0 } == ["first start"])
        releaseSignal.yield()
        await first.value
        await second.value
        #expect(log.entries.withLock { $0 } == ["first start", "first end", "second"])
    }

    /// What the gate's jobs did, in order.
    final class Log: Sendable {
        let entries = Mutex<[String]>([])
    }
}
