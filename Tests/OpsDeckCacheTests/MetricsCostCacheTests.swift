import Foundation
import OpsDeckCore
import OpsDeckDemo
import Testing

@testable import OpsDeckCache

/// Metric series stored with their scope's alarms, and anomalies with the cost data.
@Suite struct MetricsCostCacheTests {
    static let now = Fixture.date("2024-05-14T09:30:00Z")
    static let account = "111122223333"

    static func alarm(_ name: String, account: String = account, region: String = "eu-west-1") -> Alarm {
        Alarm(
            arn: "arn:aws:cloudwatch:\(region):\(account):alarm:\(name)", name: name, accountId: account,
            region: region, state: .alarm, stateUpdatedAt: now.addingTimeInterval(-600), namespace: "AWS/EC2",
            metricName: "CPUUtilization", threshold: 80)
    }

    static func series(for alarm: Alarm, values: [Double]) -> MetricSeries {
        let start = now.addingTimeInterval(-10_800)
        return MetricSeries(
            alarmArn: alarm.arn, accountId: alarm.accountId, region: alarm.region, namespace: "AWS/EC2",
            metricName: "CPUUtilization", stat: "Average", period: 300, start: start, end: now,
            points: values.enumerated().map {
                MetricSeries.Point(
                    timestamp: start.addingTimeInterval(Double($0.offset) * 300.5), value: $0.element)
            })
    }

    @Test func seriesReadBackExactlyWithTheirAlarms() throws {
        let database = try CacheDatabase.inMemory()
        let cpu = Self.alarm("cpu")
        let series = Self.series(for: cpu, values: [0.1, 85.25, 1e-7, 123_456.789])
        try database.replaceAlarms(
            [cpu], series: [series], accountId: Self.account, region: "eu-west-1", fetchedAt: Self.now)
        let snapshot = try database.snapshot(now: Self.now)
        #expect(snapshot.alarms == [cpu])
        #expect(snapshot.metricSeries == [cpu.arn: series])
        let status = try #require(snapshot.statuses.first { $0.source == .alarms })
        #expect(status.lastSuccessAt == Self.now)
    }

    @Test func aRefreshOfTheScopeReplacesItsSeriesAndLeavesOtherScopes() throws {
        let database = try CacheDatabase.inMemory()
        let west = Self.alarm("cpu")
        let east = Self.alarm("cpu", region: "us-east-1")
        try database.replaceAlarms(
            [west], series: [Self.series(for: west, values: [1])], accountId: Self.account,
            region: "eu-west-1",
            fetchedAt: Self.now)
        try database.replaceAlarms(
            [east], series: [Self.series(for: east, values: [2])], accountId: Self.account,
            region: "us-east-1",
            fetchedAt: Self.now)
        // The alarm went back to OK: the next refresh brings no series for it.
        try database.replaceAlarms(
            [west], series: [], accountId: Self.account, region: "eu-west-1", fetchedAt: Self.now)
        #expect(try database.snapshot(now: Self.now).metricSeries.keys.sorted() == [east.arn])
        // A plain replace of the alarms drops the scope's series too.
        try database.replace(
            source: .alarms, accountId: Self.account, region: "us-east-1", fetchedAt: Self.now,
            with: .alarms([east]))
        #expect(try database.snapshot(now: Self.now).metricSeries.isEmpty)
    }

    @Test func aSeriesOfAnotherScopeIsRefusedAndNothingIsWritten() throws {
        let database = try CacheDatabase.inMemory()
        let west = Self.alarm("cpu")
        let other = Self.alarm("cpu", account: "999988887777")
        #expect(throws: CacheError.self) {
            try database.replaceAlarms(
                [west], series: [Self.series(for: other, values: [1])], accountId: Self.account,
                region: "eu-west-1", fetchedAt: Self.now)
        }
        let snapshot = try database.snapshot(now: Self.now)
        #expect(snapshot.alarms.isEmpty && snapshot.metricSeries.isEmpty)
    }

    static let anomalies = [
        CostAnomaly(
            id: "a1", startDate: Fixture.day("2024-05-01"), endDate: Fixture.day("2024-05-02"),
            dimensionValue: "Amazon EC2", service: "Amazon EC2", accountId: "222233334444",
            accountName: "Prod",
            region: "us-east-1", usageType: "BoxUsage", totalImpact: 10.5, maxImpact: 7.25, maxScore: 0.8,
            monitorArn: "arn:aws:ce::111122223333:anomalymonitor/x", feedback: .plannedActivity),
        CostAnomaly(id: "a2", startDate: Fixture.day("2024-05-10"), totalImpact: 99, maxImpact: 99),
    ]

    @Test func anomaliesAreReplacedWithTheCostDataLargestImpactFirst() throws {
        let database = try CacheDatabase.inMemory()
        try database.replace(
            source: .cost, accountId: Self.account, region: CacheDatabase.globalRegion, fetchedAt: Self.now,
            with: .cost(CostRecords(anomalies: Self.anomalies)))
        #expect(
            try database.snapshot(now: Self.now).cost.anomalies == [Self.anomalies[1], Self.anomalies[0]])
        try database.replace(
            source: .cost, accountId: Self.account, region: CacheDatabase.globalRegion, fetchedAt: Self.now,
            with: .cost(CostRecords(anomalies: [Self.anomalies[0]])))
        #expect(try database.snapshot(now: Self.now).cost.anomalies == [Self.anomalies[0]])
    }

    /// The demo shows sparklines and anomalies, and its database-free snapshot agrees.
    @Test func demoSeriesAndAnomaliesGoThroughTheCache() throws {
        let demo = DemoOrganization.generate(size: .standard, now: Self.now)
        let firing = demo.alarms.filter { $0.state == .alarm && !$0.isComposite }
        #expect(!firing.isEmpty)
        #expect(Set(demo.metricSeries.map(\.alarmArn)) == Set(firing.map(\.arn)))
        #expect(demo.metricSeries.allSatisfy { $0.points.count == 36 })
        #expect(demo.anomalies.count >= 3)
        var contents = CacheContents(demo: demo)
        contents.cost.anomalies = demo.anomalies
        contents.metricSeries = demo.metricSeries
        let database = try CacheDatabase.inMemory()
        try database.replaceAll(with: contents, fetchedAt: Self.now)
        let stored = try database.snapshot(now: Self.now)
        let computed = demo.snapshot()
        #expect(stored.metricSeries == computed.metricSeries)
        #expect(stored.cost.anomalies == computed.cost.anomalies)
        #expect(stored.metricSeries.count == firing.count)
    }

    @Test func seriesPointsSurviveAnUnreadableColumnAsEmpty() {
        #expect(MetricSeriesRecord.decode("not json").isEmpty)
        #expect(MetricSeriesRecord.decode("[[1,2,3],[4,5]]").map(\.value) == [5])
        #expect(
            MetricSeriesRecord.encode([
                .init(timestamp: Date(timeIntervalSinceReferenceDate: 1.5), value: .nan)
            ])
                == "[[1.5,0]]")
    }
}
