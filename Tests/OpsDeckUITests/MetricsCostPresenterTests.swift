import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

private typealias F = UIFixtures

/// The alarm sparkline of the detail view and the anomalies of the Cost pane.
struct MetricsCostPresenterTests {
    private static let alarmArn = F.alarmARN(F.paymentsProd, "us-east-1", "payments-5xx-critical")
    /// 2026-09-21T14:13:20Z, three hours before `F.now` (14:13:20 + 3 h = 17:13:20).
    private static let start = F.now.addingTimeInterval(-10_800)

    private static func alarm(threshold: Double? = 50, composite: Bool = false) -> Alarm {
        Alarm(
            arn: alarmArn, name: "payments-5xx-critical", accountId: F.paymentsProd, region: "us-east-1",
            state: .alarm, stateUpdatedAt: F.ago(600), namespace: "AWS/ApplicationELB",
            metricName: "HTTPCode_Target_5XX_Count", threshold: threshold, isComposite: composite)
    }

    private static func series(_ values: [Double]) -> MetricSeries {
        MetricSeries(
            alarmArn: alarmArn, accountId: F.paymentsProd, region: "us-east-1",
            namespace: "AWS/ApplicationELB",
            metricName: "HTTPCode_Target_5XX_Count", stat: "Sum", period: 300, start: start, end: F.now,
            points: values.enumerated().map { index, value in
                MetricSeries.Point(timestamp: start.addingTimeInterval(Double(index * 300)), value: value)
            })
    }

    private static func snapshot(series: MetricSeries?, anomalies: [CostAnomaly] = []) -> OrgSnapshot {
        var snapshot = F.snapshot
        snapshot.alarms = snapshot.alarms.map { $0.arn == alarmArn ? alarm() : $0 }
        snapshot.metricSeries = series.map { [alarmArn: $0] } ?? [:]
        snapshot.cost.anomalies = anomalies
        return snapshot
    }

    @Test func sparklineIsScaledWithTheThresholdAndSaysMinMaxLastAndSpan() throws {
        let values: [Double] = [0, 10, 20, 100, 80]
        let lines = AlertsPresenter.alarmMetricLines(
            Self.alarm(), Self.snapshot(series: Self.series(values)), F.context())
        let text = Dictionary(lines, uniquingKeysWith: { first, _ in first })
        let clock = AlertsPresenter.clock
        let startText = clock(Self.start)
        let lastText = clock(Self.start.addingTimeInterval(1_200))
        #expect(lines.map(\.0) == ["Last 3 h", "Span", "Min / max / last", "Above threshold"])
        // Levels over 0...100: 0 → ▁, 10 → ▂ (0.7 rounds to 1), 20 → ▂ (1.4), 100 → █, 80 → ▇ (5.6 → 6).
        #expect(text["Last 3 h"] == "▁▂▂█▇")
        #expect(text["Span"] == "\(startText)-\(clock(F.now)) UTC, 5 points, Sum per 5 min")
        #expect(text["Min / max / last"] == "0 / 100 / 80 at \(lastText) UTC")
        #expect(text["Above threshold"] == "2 of 5 points > 50")
    }

    @Test func thresholdAboveEveryPointLowersTheBars() {
        let quiet = SparkText.render([1, 2], width: 2, including: 100)
        #expect(quiet == "▁▁")
        #expect(SparkText.render([1, 2], width: 2, including: nil) == "▁█")
        #expect(SparkText.render([1, 2], width: 2, ascii: true, including: 2) == "_#")
    }

    @Test func emptySeriesSaysNoDatapoints() throws {
        let lines = AlertsPresenter.alarmMetricLines(
            Self.alarm(), Self.snapshot(series: Self.series([])), F.context())
        let line = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(line.0 == "Datapoints")
        #expect(line.1.hasPrefix("no datapoints "))
        #expect(line.1.hasSuffix("UTC (Sum per 5 min)"))
    }

    @Test func compositeOrUnfetchedAlarmsHaveNoMetricLines() {
        let snapshot = Self.snapshot(series: Self.series([1, 2]))
        #expect(AlertsPresenter.alarmMetricLines(Self.alarm(composite: true), snapshot, F.context()).isEmpty)
        #expect(
            AlertsPresenter.alarmMetricLines(Self.alarm(), Self.snapshot(series: nil), F.context()).isEmpty)
    }

    @Test func theDetailViewShowsTheSparklinePaintedAsOne() throws {
        var state = F.state()
        _ = state.reduce(.snapshot(Self.snapshot(series: Self.series([0, 10, 20, 100, 80]))))
        let alert = try #require(
            AlertsPresenter.alerts(state.snapshot, state.context).first { $0.alarm?.arn == Self.alarmArn })
        state.mode = .detail(pane: .alerts, rowId: alert.id, offset: 0)
        let buffer = ConsoleRenderer.render(state)
        let text = buffer.text
        #expect(text.contains("Last 3 h"))
        #expect(text.contains("▁▂▂█▇"))
        #expect(text.contains("2 of 5 points > 50"))
        let row = try #require(text.split(separator: "\n").firstIndex { $0.contains("▁▂▂█▇") })
        let roles = buffer.snapshot(roles: true).split(separator: "\n").map(String.init)
        #expect(roles.contains { $0.hasPrefix("\(row):") && $0.contains("sparkline") })
    }

    private static let anomalies = [
        CostAnomaly(
            id: "small", startDate: F.ago(86_400 * 3), service: "AWS Lambda", accountId: F.apiProd,
            totalImpact: 12.5, maxImpact: 12.5),
        CostAnomaly(
            id: "big", startDate: F.ago(86_400 * 5), endDate: F.ago(86_400 * 4),
            dimensionValue: "Amazon Elastic Compute Cloud - Compute",
            service: "Amazon Elastic Compute Cloud - Compute", accountId: F.paymentsProd,
            accountName: "Payments",
            region: "us-east-1", usageType: "BoxUsage:c5.9xlarge", totalImpact: 1_234.5, maxImpact: 900,
            maxScore: 0.87, monitorArn: "arn:aws:ce::111111111111:anomalymonitor/abc", feedback: .no),
        CostAnomaly(
            id: "mid", startDate: F.ago(86_400), dimensionValue: "Amazon S3", accountId: "999999999999",
            accountName: "Gone", totalImpact: 99, maxImpact: 40),
    ]

    @Test func anomaliesAreListedUnderTheCostLinesLargestFirst() throws {
        let snapshot = Self.snapshot(series: nil, anomalies: Self.anomalies)
        let content = CostPresenter.content(snapshot, F.context())
        let ids = content.rows.map(\.id)
        #expect(Array(ids.suffix(3)) == ["anomaly:big", "anomaly:mid", "anomaly:small"])
        #expect(ids.filter { $0.hasPrefix("account:") }.count == F.cost.byAccount.count)
        let big = try #require(content.rows.first { $0.id == "anomaly:big" })
        #expect(big.cells[0] == .text("Anomaly: Amazon Elastic Compute Cloud - Compute"))
        #expect(big.cells[1] == .text("payments-prod"))
        #expect(big.cells[2] == .money(1_234.5))
        #expect(big.role == .warning)
        #expect(big.isProduction)
        let mid = try #require(content.rows.first { $0.id == "anomaly:mid" })
        #expect(mid.cells[0] == .text("Anomaly: Amazon S3"))
        #expect(mid.cells[1] == .text("Gone"))
    }

    @Test func anomalySummaryCountsAndNamesTheTopOnes() {
        #expect(CostPresenter.anomalySummary([]) == "none")
        #expect(
            CostPresenter.anomalySummary(Self.anomalies)
                == "3; top Amazon Elastic Compute Cloud - Compute +$1,234.50, Amazon S3 +$99.00")
    }

    @Test func anomalyDetail() {
        let snapshot = Self.snapshot(series: nil, anomalies: Self.anomalies)
        let lines = CostPresenter.detail("anomaly:big", snapshot, F.context())
        let text = Dictionary(lines, uniquingKeysWith: { first, _ in first })
        #expect(text["Anomaly"] == "big")
        #expect(text["Account"] == "payments-prod (\(F.paymentsProd))")
        #expect(text["Usage type"] == "BoxUsage:c5.9xlarge")
        #expect(text["Total impact"] == "$1,234.50")
        #expect(text["Largest daily impact"] == "$900.00")
        #expect(text["Feedback"] == "not an anomaly")
        #expect(text["Ended"] == CostPresenter.day(F.ago(86_400 * 4)))
        let ongoing = Dictionary(
            CostPresenter.detail("anomaly:small", snapshot, F.context()),
            uniquingKeysWith: { first, _ in first })
        #expect(ongoing["Ended"] == "ongoing")
        #expect(ongoing["Feedback"] == "none given")
        #expect(CostPresenter.detail("anomaly:missing", snapshot, F.context()).isEmpty)
    }

    @Test func costSummaryShowsTheRequestCountAndTheAnomalies() throws {
        var snapshot = Self.snapshot(series: nil, anomalies: Self.anomalies)
        snapshot.cost.costExplorerRequestsToday = 7
        var state = F.state()
        _ = state.reduce(.snapshot(snapshot))
        state.press(.character("5"), .character("z"))
        let text = ConsoleRenderer.render(state).text
        #expect(text.contains("Cost Explorer requests today: 7 (~$0.01 each)"))
        #expect(text.contains("Anomalies 30d 3; top Amazon Elastic Compute Cloud - Compute +$1,234.50"))
    }
}
