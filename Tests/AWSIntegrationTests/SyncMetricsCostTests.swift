import AWSClient
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Testing

/// Alarm metric series from moto's GetMetricData and Cost Explorer anomalies from the
/// fixture server (which passes GetCostAndUsage on to moto), through a whole refresh, with
/// the day's Cost Explorer request count checked against what the server saw.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct SyncMetricsCostTests {
    /// What seed_moto.py put into CloudWatch for each alarm in ALARM.
    struct SeededMetric: Decodable {
        let accountId: String
        let region: String
        let arn: String
        let timestamps: [Double]
        let values: [Double]

        enum CodingKeys: String, CodingKey {
            case region, arn, timestamps, values
            case accountId = "account_id"
        }
    }

    static func seededMetrics(_ json: Data) throws -> [SeededMetric] {
        struct Manifest: Decodable {
            let alarmMetrics: [SeededMetric]
            enum CodingKeys: String, CodingKey { case alarmMetrics = "alarm_metrics" }
        }
        return try JSONDecoder().decode(Manifest.self, from: json).alarmMetrics
    }

    /// A refresh against moto, with Cost Explorer sent to `costExplorer` when given.
    static func refresh(
        _ sources: Set<Source>, moto: URL, costExplorer: URL? = nil, manifest: SeedManifest,
        cache: CacheDatabase
    ) async throws -> RefreshReport {
        var environment = ["AWS_ENDPOINT_URL": moto.absoluteString]
        if let costExplorer { environment["AWS_ENDPOINT_URL_COST_EXPLORER"] = costExplorer.absoluteString }
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let core = AWSClientCore(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(
                manifest.adminCredentials, source: "seeded admin key"),
            transport: transport, endpoints: AWSEndpointResolver(environment: environment),
            retryPolicy: RetryPolicy(quota: nil, sleep: { _ in }, random: { 0 }), timeout: .seconds(20),
            profile: "moto-admin")
        let refresher = Refresher(
            management: core, cache: cache,
            configuration: SyncConfiguration(
                memberRoleName: manifest.readRoleName, regions: manifest.regions, profile: "moto-admin",
                maxConcurrency: 8),
            now: { SeededOrganization.referenceDate })
        let report = await refresher.refresh(only: sources)
        try await transport.shutdown()
        return report
    }

    @Test func alarmRefreshStoresTheSeriesOfAlarmsInAlarm() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let metrics = try Self.seededMetrics(seeded.organization.manifestJSON)
        #expect(metrics.count == 5)
        let cache = try CacheDatabase.inMemory()
        let report = try await Self.refresh(
            [.organizations, .alarms], moto: seeded.moto.endpoint, manifest: manifest, cache: cache)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
        let snapshot = try cache.snapshot(now: SeededOrganization.referenceDate)

        for metric in metrics {
            let series = try #require(snapshot.metricSeries[metric.arn], "\(metric.arn)")
            #expect(series.accountId == metric.accountId && series.region == metric.region)
            #expect(series.stat == "Sum" && series.period == 300)
            #expect(series.end == SeededOrganization.referenceDate)
            #expect(series.start == SeededOrganization.referenceDate.addingTimeInterval(-10_800))
            #expect(
                series.points.map(\.timestamp.timeIntervalSince1970) == metric.timestamps, "\(metric.arn)")
            #expect(series.values.count == metric.values.count)
            for (got, want) in zip(series.values, metric.values) { #expect(abs(got - want) < 1e-6) }
        }
        // The billing alarm is in ALARM too, with no data in the window; OK alarms get nothing.
        let billing = try #require(manifest.alarms.first { $0.namespace == "AWS/Billing" })
        #expect(snapshot.metricSeries[billing.arn]?.points.isEmpty == true)
        let firing = Set(manifest.alarms.filter { $0.state == "ALARM" }.map(\.arn))
        #expect(Set(snapshot.metricSeries.keys) == firing)
    }

    static let anomalyCount = 25

    /// Anomalies for the fixture server: 25 within the last 30 days (two pages of 20), one
    /// older (filtered out by the date interval), and this month's forecast.
    static func fixtureData(today: Date) throws -> Data {
        func day(_ offset: Int) -> String {
            let format = ISO8601DateFormatter()
            format.formatOptions = [.withFullDate]
            return format.string(from: today.addingTimeInterval(Double(offset) * 86_400))
        }
        var anomalies: [[String: Any]] = (0..<anomalyCount).map { index in
            [
                "AnomalyId": "anomaly-\(index)", "AnomalyStartDate": day(-1 - index),
                "AnomalyEndDate": day(-index), "DimensionValue": "Amazon EC2",
                "RootCauses": [
                    [
                        "Service": "Amazon Elastic Compute Cloud - Compute", "Region": "us-east-1",
                        "LinkedAccount": "123456789012", "LinkedAccountName": "management",
                        "UsageType": "BoxUsage:m5.large",
                    ]
                ],
                "AnomalyScore": ["MaxScore": 0.9, "CurrentScore": 0.2],
                "Impact": ["MaxImpact": Double(index) + 1, "TotalImpact": Double(index) * 10 + 5],
                "MonitorArn": "arn:aws:ce::123456789012:anomalymonitor/services",
            ]
        }
        anomalies.append([
            "AnomalyId": "too-old", "AnomalyStartDate": day(-45), "Impact": ["MaxImpact": 1],
            "AnomalyScore": ["MaxScore": 0.5, "CurrentScore": 0.5],
        ])
        let forecast: [String: Any] = [
            "Total": ["Amount": "4321.5", "Unit": "USD"],
            "ForecastResultsByTime": [
                ["TimePeriod": ["Start": day(0), "End": day(7)], "MeanValue": "4321.5"]
            ],
        ]
        return try JSONSerialization.data(withJSONObject: [
            "costexplorer": ["default": ["forecast": forecast, "anomalies": anomalies]]
        ])
    }

    @Test func costRefreshStoresAnomaliesAndCountsEveryCostExplorerRequest() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let data = try Self.fixtureData(today: SeededOrganization.referenceDate)
        try await withFixtureServer(data: data, moto: seeded.moto.endpoint) { fixture in
            let cache = try CacheDatabase.inMemory()
            var report = try await Self.refresh(
                [.organizations, .cost], moto: seeded.moto.endpoint, costExplorer: fixture.endpoint,
                manifest: manifest, cache: cache)
            #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
            var snapshot = try cache.snapshot(now: SeededOrganization.referenceDate)

            let anomalies = snapshot.cost.anomalies
            #expect(anomalies.count == Self.anomalyCount)
            #expect(anomalies.first?.id == "anomaly-24")
            #expect(anomalies.first?.totalImpact == 245)
            #expect(anomalies.first?.service == "Amazon Elastic Compute Cloud - Compute")
            #expect(anomalies.first?.accountId == "123456789012")
            #expect(!anomalies.contains { $0.id == "too-old" })
            #expect(snapshot.cost.forecast == 4321.5)
            // Bound GetCostAndUsage answers still arrive through the forwarding.
            #expect(!snapshot.cost.byAccount.isEmpty)

            let seen = try await fixture.requests().filter {
                $0.target?.hasPrefix("AWSInsightsIndexService.") == true
            }
            let byOperation = Dictionary(grouping: seen, by: { $0.target ?? "" }).mapValues(\.count)
            // Five GetCostAndUsage pages (daily by account has two), one forecast, two pages of anomalies.
            #expect(byOperation["AWSInsightsIndexService.GetCostAndUsage"] == 5)
            #expect(byOperation["AWSInsightsIndexService.GetCostForecast"] == 1)
            #expect(byOperation["AWSInsightsIndexService.GetAnomalies"] == 2)
            #expect(snapshot.cost.costExplorerRequestsToday == seen.count)

            // The next refresh adds its own requests to the day's count.
            report = try await Self.refresh(
                [.cost], moto: seeded.moto.endpoint, costExplorer: fixture.endpoint, manifest: manifest,
                cache: cache)
            #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
            snapshot = try cache.snapshot(now: SeededOrganization.referenceDate)
            #expect(snapshot.cost.costExplorerRequestsToday == 2 * seen.count)
        }
    }

    @Test func throttledAnswersAreCountedAndFailedConnectionsAreNot() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let data = try Self.fixtureData(today: SeededOrganization.referenceDate)
        let rules = FaultRules(rules: [
            .init(
                id: "anomalies-throttled", match: .init(target: "AWSInsightsIndexService.GetAnomalies"),
                fault: .throttle),
            .init(
                id: "forecast-reset", match: .init(target: "AWSInsightsIndexService.GetCostForecast"),
                fault: .reset),
        ])
        try await withFixtureServer(data: data, moto: seeded.moto.endpoint) { fixture in
            try await withFaultProxy(upstream: fixture.endpoint, rules: rules) { proxy in
                let cache = try CacheDatabase.inMemory()
                let report = try await Self.refresh(
                    [.organizations, .cost], moto: seeded.moto.endpoint, costExplorer: proxy.endpoint,
                    manifest: manifest, cache: cache)
                #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
                let snapshot = try cache.snapshot(now: SeededOrganization.referenceDate)
                #expect(snapshot.cost.anomalies.count == Self.anomalyCount)
                #expect(snapshot.cost.forecast == 4321.5)
                let seen = try await fixture.requests().filter {
                    $0.target?.hasPrefix("AWSInsightsIndexService.") == true
                }
                #expect(seen.count == 8)
                // The throttled GetAnomalies got an answer (billed); the reset forecast did not.
                #expect(snapshot.cost.costExplorerRequestsToday == seen.count + 1)
            }
        }
    }
}
