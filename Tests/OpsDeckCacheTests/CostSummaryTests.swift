import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckCache

@Suite struct CostSummaryTests {
    static let alpha = "111111111111"
    static let bravo = "222222222222"

    /// alpha spends 10 every day from Jan 31 to Mar 16, bravo 4.5 a day in March (1-15);
    /// services: EC2 8 a day from Feb 1, S3 100.25 on Mar 10.
    static func makeDatabase() throws -> CacheDatabase {
        let database = try CacheDatabase.inMemory()
        let fetched = Fixture.date("2024-03-15T08:00:00Z")
        try database.replace(
            source: .organizations, accountId: alpha, region: "global", fetchedAt: fetched,
            with: .organizations(
                accounts: [Fixture.account(alpha, name: "alpha"), Fixture.account(bravo, name: "bravo")],
                units: []))
        var daily: [CostPoint] = []
        var day = Fixture.day("2024-01-31")
        while day <= Fixture.day("2024-03-16") {
            daily.append(CostPoint(date: day, dimension: .account, key: alpha, amount: 10))
            if day >= Fixture.day("2024-03-01") && day <= Fixture.day("2024-03-15") {
                daily.append(CostPoint(date: day, dimension: .account, key: bravo, amount: 4.5))
            }
            if day >= Fixture.day("2024-02-01") && day <= Fixture.day("2024-03-15") {
                daily.append(CostPoint(date: day, dimension: .service, key: "EC2", amount: 8))
            }
            day = day.addingTimeInterval(86_400)
        }
        daily.append(
            CostPoint(date: Fixture.day("2024-03-10"), dimension: .service, key: "S3", amount: 100.25))
        let monthly = [
            CostPoint(date: Fixture.day("2024-02-01"), dimension: .account, key: alpha, amount: 9_999)
        ]
        let budget = Budget(accountId: alpha, name: "alpha-monthly", limit: 100, actual: 150)
        try database.replace(
            source: .cost, accountId: alpha, region: "global", fetchedAt: fetched,
            with: .cost(
                CostRecords(
                    daily: daily, monthly: monthly, budgets: [budget],
                    forecast: CostForecast(
                        periodStart: Fixture.day("2024-03-01"), periodEnd: Fixture.day("2024-04-01"),
                        amount: 450.5))))
        let billing = [500.0, 300].map { threshold in
            Alarm(
                arn: "arn:aws:cloudwatch:us-east-1:\(alpha):alarm:billing-\(Int(threshold))",
                name: "billing-\(Int(threshold))", accountId: alpha, region: "us-east-1", state: .ok,
                stateUpdatedAt: fetched, namespace: "AWS/Billing", metricName: "EstimatedCharges",
                threshold: threshold)
        }
        let other = Alarm(
            arn: "arn:aws:cloudwatch:us-east-1:\(alpha):alarm:cpu", name: "cpu", accountId: alpha,
            region: "us-east-1", state: .ok, stateUpdatedAt: fetched, namespace: "AWS/EC2",
            metricName: "CPUUtilization", threshold: 5)
        try database.replace(
            source: .alarms, accountId: alpha, region: "us-east-1", fetchedAt: fetched,
            with: .alarms(billing + [other]))
        try database.recordCostExplorerRequests(3, at: Fixture.date("2024-03-15T10:00:00Z"))
        try database.recordCostExplorerRequests(2, at: Fixture.date("2024-03-15T11:00:00Z"))
        try database.recordCostExplorerRequests(7, at: Fixture.date("2024-03-14T23:00:00Z"))
        return database
    }

    @Test func midMonthSummary() throws {
        let cost = try Self.makeDatabase().snapshot(now: Fixture.date("2024-03-15T12:00:00Z")).cost
        #expect(cost.currency == "USD")
        #expect(cost.monthToDate == 217.5)
        #expect(cost.lastMonthSameDays == 150)
        #expect(cost.lastMonthTotal == 290)
        #expect(cost.forecast == 450.5)
        #expect(cost.daily == Array(repeating: 10, count: 15) + Array(repeating: 14.5, count: 15))

        #expect(cost.byAccount.map(\.key) == [Self.alpha, Self.bravo])
        #expect(cost.byAccount.map(\.label) == ["alpha", "bravo"])
        let alpha = try #require(cost.byAccount.first)
        #expect(alpha.monthToDate == 150)
        #expect(alpha.lastMonthSameDays == 150)
        #expect(alpha.lastMonthTotal == 290)
        #expect(alpha.daily == Array(repeating: 10, count: 30))
        #expect(alpha.changePercent == 0)
        let bravo = try #require(cost.byAccount.last)
        #expect(bravo.monthToDate == 67.5)
        #expect(bravo.lastMonthSameDays == 0)
        #expect(bravo.changePercent == nil)
        #expect(bravo.daily == Array(repeating: 0, count: 15) + Array(repeating: 4.5, count: 15))

        #expect(cost.byService.map(\.key) == ["EC2", "S3"])
        #expect(cost.byService.map(\.label) == ["", ""])
        #expect(cost.byService.map(\.monthToDate) == [120, 100.25])
        #expect(cost.byService.map(\.lastMonthSameDays) == [120, 0])
        #expect(cost.byService.map(\.lastMonthTotal) == [232, 0])
        var s3Daily = Array(repeating: 0.0, count: 30)
        s3Daily[24] = 100.25
        #expect(cost.byService.last?.daily == s3Daily)

        #expect(cost.budgets.map(\.name) == ["alpha-monthly"])
        #expect(cost.budgets.first?.isBreached == true)
        #expect(cost.billingAlarmThreshold == 300)
        #expect(cost.costExplorerRequestsToday == 5)
    }

    @Test func lastDayOfMonthComparesWithAllOfAShorterMonth() throws {
        let cost = try Self.makeDatabase().snapshot(now: Fixture.date("2024-03-31T23:00:00Z")).cost
        // March 16 is the last point; February had 29 days.
        #expect(cost.monthToDate == 160 + 67.5)
        #expect(cost.lastMonthSameDays == 290)
        #expect(cost.lastMonthTotal == 290)
        #expect(cost.costExplorerRequestsToday == 0)
    }

    @Test func firstDayOfMonth() throws {
        let cost = try Self.makeDatabase().snapshot(now: Fixture.date("2024-03-01T00:30:00Z")).cost
        #expect(cost.monthToDate == 14.5)
        #expect(cost.lastMonthSameDays == 10)
        #expect(cost.lastMonthTotal == 290)
        #expect(cost.daily.last == 14.5)
        #expect(cost.daily.first == 10)
    }

    @Test func forecastOfAnotherMonthIsNotShown() throws {
        let cost = try Self.makeDatabase().snapshot(now: Fixture.date("2024-04-02T09:00:00Z")).cost
        #expect(cost.forecast == nil)
        #expect(cost.monthToDate == 0)
        #expect(cost.lastMonthTotal == 160 + 67.5)
    }

    @Test func emptyCacheHasAnEmptySummary() throws {
        let cost = try CacheDatabase.inMemory().snapshot(now: Fixture.date("2024-03-15T12:00:00Z")).cost
        #expect(cost.monthToDate == 0)
        #expect(cost.daily == Array(repeating: 0, count: 30))
        #expect(cost.byAccount.isEmpty)
        #expect(cost.forecast == nil)
        #expect(cost.billingAlarmThreshold == nil)
    }
}
