import Foundation
import OpsDeckCore
import OpsDeckDemo
import Testing

@testable import OpsDeckCache

@Suite struct DemoCacheTests {
    static let now = Fixture.date("2024-05-14T09:30:00Z")

    @Test func standardDemoReadsBackWhole() throws {
        let demo = DemoOrganization.generate(size: .standard, now: Self.now)
        let database = try CacheDatabase.inMemory()
        try database.replaceAll(with: CacheContents(demo: demo), fetchedAt: Self.now)
        let snapshot = try database.snapshot(now: Self.now)

        #expect(snapshot.organization?.isDemo == true)
        #expect(snapshot.organization?.profile == "demo")
        // Compared as sets, and only the differences are printed when they differ.
        #expect(Set(snapshot.accounts).symmetricDifference(demo.accounts).isEmpty)
        #expect(Set(snapshot.roles).symmetricDifference(demo.roles).isEmpty)
        #expect(Set(snapshot.alarms).symmetricDifference(demo.alarms).isEmpty)
        #expect(Set(snapshot.incidents).symmetricDifference(demo.incidents).isEmpty)
        #expect(Set(snapshot.pipelineRuns).symmetricDifference(demo.pipelineRuns).isEmpty)
        #expect(Set(snapshot.units).symmetricDifference(demo.units).isEmpty)
        #expect(snapshot.roles.count == demo.roles.count)
        #expect(snapshot.statuses.allSatisfy { $0.lastSuccessAt == Self.now && $0.lastError == nil })
        let regional = snapshot.statuses.filter { $0.source == .alarms }.map(\.region)
        #expect(Set(regional) == ["us-east-1", "us-west-2"])
    }

    @Test func standardDemoCostSummaryMatchesItsPoints() throws {
        let demo = DemoOrganization.generate(size: .standard, now: Self.now)
        let database = try CacheDatabase.inMemory()
        try database.replaceAll(with: CacheContents(demo: demo), fetchedAt: Self.now)
        let cost = try database.snapshot(now: Self.now).cost

        let monthStart = Fixture.day("2024-05-01")
        let byAccountMTD = demo.costPoints.filter { $0.dimension == .account && $0.date >= monthStart }
            .reduce(0) { $0 + $1.amount }
        let byServiceMTD = demo.costPoints.filter { $0.dimension == .service && $0.date >= monthStart }
            .reduce(0) { $0 + $1.amount }
        #expect(abs(cost.monthToDate - byAccountMTD) < 0.005)
        #expect(abs(cost.byService.reduce(0) { $0 + $1.monthToDate } - byServiceMTD) < 0.005)
        #expect(abs(byAccountMTD - byServiceMTD) < 0.005)
        #expect(cost.byAccount.count == demo.accounts.count)
        #expect(cost.forecast == demo.forecast)
        #expect(cost.budgets.contains { $0.isBreached })
        #expect(cost.billingAlarmThreshold == 150_000)
        #expect(cost.costExplorerRequestsToday == demo.costExplorerRequestsToday)
        #expect(cost.daily.count == 30)
        #expect(cost.byAccount.allSatisfy { $0.label != $0.key })
    }

    /// The demo's database-free snapshot (for screen tests) must be what the cache returns.
    @Test func demoSnapshotWithoutADatabaseMatchesTheCache() throws {
        let demo = DemoOrganization.generate(size: .standard, now: Self.now)
        let database = try CacheDatabase.inMemory()
        try database.replaceAll(with: CacheContents(demo: demo), fetchedAt: Self.now)
        let stored = try database.snapshot(now: Self.now)
        let computed = demo.snapshot()

        #expect(stored.organization == computed.organization)
        #expect(stored.units == computed.units)
        #expect(stored.accounts == computed.accounts)
        #expect(stored.roles == computed.roles)
        #expect(stored.pipelineRuns == computed.pipelineRuns)
        #expect(stored.alarms == computed.alarms)
        #expect(stored.incidents == computed.incidents)
        #expect(stored.statuses == computed.statuses)
        let (lhs, rhs) = (stored.cost, computed.cost)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }
        func close(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy(close) }
        func close(_ a: [CostSummary.Line], _ b: [CostSummary.Line]) -> Bool {
            a.count == b.count
                && zip(a, b).allSatisfy { l, r in
                    l.key == r.key && l.label == r.label && close(l.monthToDate, r.monthToDate)
                        && close(l.lastMonthSameDays, r.lastMonthSameDays)
                        && close(l.lastMonthTotal, r.lastMonthTotal) && close(l.daily, r.daily)
                }
        }
        #expect(close(lhs.monthToDate, rhs.monthToDate))
        #expect(close(lhs.lastMonthSameDays, rhs.lastMonthSameDays))
        #expect(close(lhs.lastMonthTotal, rhs.lastMonthTotal))
        #expect(close(lhs.daily, rhs.daily))
        #expect(close(lhs.byAccount, rhs.byAccount))
        #expect(close(lhs.byService, rhs.byService))
        #expect(lhs.forecast == rhs.forecast)
        #expect(lhs.budgets == rhs.budgets)
        #expect(lhs.billingAlarmThreshold == rhs.billingAlarmThreshold)
        #expect(lhs.costExplorerRequestsToday == rhs.costExplorerRequestsToday)
        #expect(lhs.currency == rhs.currency)
    }

    @Test func laterRefreshesReplaceTheDemoScopeByScope() throws {
        let demo = DemoOrganization.generate(size: .standard, now: Self.now)
        let database = try CacheDatabase.inMemory()
        try database.replaceAll(with: CacheContents(demo: demo), fetchedAt: Self.now)
        let account = try #require(demo.accounts.first { $0.name == "payments-prod" })
        let later = Self.now.addingTimeInterval(300)

        try database.replace(
            source: .roles, accountId: account.id, region: CacheDatabase.globalRegion, fetchedAt: later,
            with: .roles([]))
        let alarm = try #require(demo.alarms.first { $0.accountId == account.id && $0.region == "us-west-2" })
        try database.replace(
            source: .alarms, accountId: account.id, region: "us-west-2", fetchedAt: later,
            with: .alarms([alarm]))
        try database.replace(
            source: .incidents, accountId: CacheDatabase.anyAccount, region: CacheDatabase.globalRegion,
            fetchedAt: later, with: .incidents([]))

        let snapshot = try database.snapshot(now: later)
        #expect(!snapshot.roles.contains { $0.accountId == account.id })
        #expect(snapshot.roles.count == demo.roles.filter { $0.accountId != account.id }.count)
        #expect(snapshot.alarms.filter { $0.accountId == account.id && $0.region == "us-west-2" } == [alarm])
        #expect(
            snapshot.alarms.filter { $0.accountId == account.id && $0.region == "us-east-1" }.count
                == demo.alarms.filter { $0.accountId == account.id && $0.region == "us-east-1" }.count)
        #expect(snapshot.incidents.isEmpty)
        #expect(snapshot.statuses.filter { $0.lastSuccessAt == later }.count == 3)
    }

    /// Prints the large demo's timings; they are read by people (docs/performance.md), never asserted.
    @Test func largeDemoWritesAndReadsBack() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let clock = ContinuousClock()

        var demo: DemoDataset?
        let generate = clock.measure { demo = DemoOrganization.generate(size: .large, now: Self.now) }
        let dataset = try #require(demo)
        let (database, _) = try CacheDatabase.open(at: temp.path + "/demo.sqlite")
        let write = try clock.measure {
            try database.replaceAll(with: CacheContents(demo: dataset), fetchedAt: Self.now)
        }

        var snapshot = OrgSnapshot.empty
        var reads: [Duration] = []
        for _ in 0..<5 {
            reads.append(try clock.measure { snapshot = try database.snapshot(now: Self.now) })
        }
        let reopen = try clock.measure { _ = try CacheDatabase.open(at: temp.path + "/demo.sqlite") }
        let reopenSchemaOnly = try clock.measure {
            _ = try CacheDatabase.open(at: temp.path + "/demo.sqlite", check: .schemaOnly)
        }
        print(
            "large demo: generate \(generate), write \(write), snapshot \(reads.sorted()), "
                + "open+quick_check \(reopen), open schema-only \(reopenSchemaOnly)")

        #expect(snapshot.accounts.count == 1_000)
        #expect(snapshot.roles.count == 20_000)
        #expect(snapshot.alarms.count == 5_000)
        #expect(snapshot.incidents.count == 2_000)
        #expect(snapshot.pipelineRuns.count == 20_000)
        #expect(snapshot.cost.byAccount.count == 1_000)
        let points = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cost_points WHERE dimension = 'account'")
        }
        #expect(points == 90_000)
    }
}
