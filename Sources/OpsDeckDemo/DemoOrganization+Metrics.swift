import Foundation
import OpsDeckCore

extension DemoOrganization {
    /// Points of a demo series: three hours at five minutes, as a refresh would fetch.
    static let seriesPeriod = 300
    static let seriesPoints = 36

    /// The metric behind every metric alarm in ALARM: quiet under the threshold, then over
    /// it from three periods before the alarm went off (all along, for an older alarm).
    static func makeMetricSeries(alarms: [Alarm], seed: UInt64, clock: DemoClock) -> [MetricSeries] {
        let end = clock.now
        let start = end.addingTimeInterval(-Double(seriesPeriod * seriesPoints))
        return alarms.filter { $0.state == .alarm && !$0.isComposite }.map { alarm in
            var rng = SplitMix64(seed: seed, stream: "metric:" + alarm.arn)
            let threshold = alarm.threshold ?? 100
            let base = threshold * rng.double(0.35...0.7)
            let peak = threshold * rng.double(1.15...1.8)
            let points = (0..<seriesPoints).map { index -> MetricSeries.Point in
                let timestamp = start.addingTimeInterval(Double(index * seriesPeriod))
                // The alarm went off after its evaluation periods (three here) breached.
                let firing = timestamp >= alarm.stateUpdatedAt.addingTimeInterval(-Double(3 * seriesPeriod))
                let level = firing ? peak : base
                return MetricSeries.Point(
                    timestamp: timestamp, value: (level * rng.double(0.9...1.1) * 100).rounded() / 100)
            }
            let counts = (alarm.metricName ?? "").hasSuffix("Count") || alarm.metricName == "Errors"
            return MetricSeries(
                alarmArn: alarm.arn, accountId: alarm.accountId, region: alarm.region,
                namespace: alarm.namespace ?? "AWS/Custom", metricName: alarm.metricName ?? "Unknown",
                stat: counts ? "Sum" : "Average", period: seriesPeriod, start: start, end: end, points: points
            )
        }
    }

    /// A few anomalies of the last 30 days; the first is the payments-prod spike the cost
    /// generator puts ten days back.
    static func makeAnomalies(org: GeneratedOrg, seed: UInt64, clock: DemoClock) -> [CostAnomaly] {
        var rng = SplitMix64(seed: seed, stream: "anomalies")
        let monitor = "arn:aws:ce::\(org.management.id):anomalymonitor/demo-services"
        let candidates: [(account: String, service: String, usage: String, daysAgo: Int, length: Int?)] = [
            (breachedBudgetAccount, "Amazon Elastic Compute Cloud - Compute", "BoxUsage:m6i.4xlarge", 10, 1),
            ("data-prod", "Amazon Simple Storage Service", "TimedStorage-ByteHrs", 4, nil),
            ("sandbox-alice", "Amazon SageMaker", "ml.p3.2xlarge-Training", 17, 3),
            ("network", "Amazon Virtual Private Cloud", "NatGateway-Bytes", 2, nil),
        ]
        var anomalies: [CostAnomaly] = []
        for (index, candidate) in candidates.enumerated() {
            let member = org.member(named: candidate.account) ?? org.active.dropFirst(index).first
            guard let account = member?.account else { continue }
            let start = clock.today.addingTimeInterval(-Double(candidate.daysAgo) * DemoClock.day)
            let maxImpact = (rng.double(120...2_400) * 100).rounded() / 100
            let days = Double(candidate.length ?? candidate.daysAgo)
            anomalies.append(
                CostAnomaly(
                    id: "demo-anomaly-\(index + 1)", startDate: start,
                    endDate: candidate.length.map {
                        start.addingTimeInterval(Double($0 - 1) * DemoClock.day)
                    },
                    dimensionValue: candidate.service, service: candidate.service, accountId: account.id,
                    accountName: account.name, region: "us-east-1", usageType: candidate.usage,
                    totalImpact: (maxImpact * max(1, days * 0.7) * 100).rounded() / 100, maxImpact: maxImpact,
                    maxScore: rng.double(0.55...0.98), monitorArn: monitor,
                    feedback: index == 2 ? .plannedActivity : nil))
        }
        return anomalies
    }
}
