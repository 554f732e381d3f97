import AWSClient
import Foundation
import OpsDeckCore

/// Reads one account's CloudWatch alarms in one region, and the recent data points of the
/// metric alarms in ALARM, for their sparklines.
public struct AlarmsProvider: Sendable {
    /// What one fetch found.
    public struct Fetched: Sendable {
        public var alarms: [Alarm]
        /// One series per metric alarm in ALARM (at most `maxSeries`), possibly without points.
        public var series: [MetricSeries]
        /// Why the series are missing, when GetMetricData failed; the alarms are still good.
        public var seriesError: AWSClientError?

        /// Creates a result.
        public init(alarms: [Alarm], series: [MetricSeries], seriesError: AWSClientError? = nil) {
            self.alarms = alarms
            self.series = series
            self.seriesError = seriesError
        }
    }

    /// How far back a series reaches.
    public static let seriesWindow: TimeInterval = 3 * 3_600

    /// Signed for the account, calling the region being read.
    public var core: AWSClientCore
    /// Ask for composite alarms too.
    public var includeComposite: Bool
    /// The most alarms of one account and region whose metric is fetched (newest state
    /// changes first): bounds the GetMetricData work of an account with a storm of alarms.
    public var maxSeries: Int

    /// Creates a provider.
    public init(core: AWSClientCore, includeComposite: Bool = true, maxSeries: Int = 100) {
        self.core = core
        self.includeComposite = includeComposite
        self.maxSeries = maxSeries
    }

    /// DescribeAlarms, metric and composite. An endpoint that lacks composite alarms
    /// (moto answers HTML 500) is asked again for metric alarms alone.
    /// - Throws: `AWSClientError`.
    public func fetch(accountId: String) async throws(AWSClientError) -> [Alarm] {
        try await listing(accountId: accountId).alarms
    }

    /// The alarms, then GetMetricData for the metric alarms in ALARM over the
    /// `seriesWindow` before `now`, as few requests as the batch limit allows.
    ///
    /// A failed GetMetricData (say, `cloudwatch:GetMetricData` not allowed) does not fail
    /// the alarms: the series are left out and the error returned with them.
    /// - Throws: `AWSClientError` when DescribeAlarms fails.
    public func fetchWithSeries(accountId: String, now: Date) async throws(AWSClientError) -> Fetched {
        let listing = try await listing(accountId: accountId)
        let metrics = Self.seriesTargets(listing, limit: maxSeries)
        guard !metrics.isEmpty else { return Fetched(alarms: listing.alarms, series: []) }
        let start = now.addingTimeInterval(-Self.seriesWindow)
        let queries = metrics.enumerated().map { index, metric in metric.query(id: "m\(index)") }
        do {
            let results = try await CloudWatchClient(core: core).getMetricData(
                queries, start: start, end: now)
            let byId = Dictionary(results.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let series = metrics.enumerated().map { index, metric in
                let result = byId["m\(index)"]
                let points = zip(result?.timestamps ?? [], result?.values ?? []).map {
                    MetricSeries.Point(timestamp: $0, value: $1)
                }
                return MetricSeries(
                    alarmArn: metric.alarmArn, accountId: accountId, region: core.region,
                    namespace: metric.namespace, metricName: metric.metricName, stat: metric.stat,
                    period: metric.period, start: start, end: now, points: points)
            }
            return Fetched(alarms: listing.alarms, series: series)
        } catch {
            let advice = "The alarms are stored without them; the read role needs cloudwatch:GetMetricData."
            core.logger.notice(
                "alarm sparklines unavailable: \(error) \(advice)",
                metadata: ["sync.account": "\(accountId)", "sync.region": "\(core.region)"])
            return Fetched(alarms: listing.alarms, series: [], seriesError: error)
        }
    }

    /// The metrics worth a sparkline: metric alarms in ALARM with a single metric, newest
    /// state change first, at most `limit`.
    static func seriesTargets(
        _ listing: CloudWatchClient.AlarmListing, limit: Int
    ) -> [CloudWatchClient.AlarmMetric] {
        listing.alarms
            .filter { $0.state == .alarm && !$0.isComposite }
            .sorted {
                $0.stateUpdatedAt != $1.stateUpdatedAt
                    ? $0.stateUpdatedAt > $1.stateUpdatedAt : $0.arn < $1.arn
            }
            .compactMap { listing.metrics[$0.arn] }
            .prefix(max(0, limit))
            .map { $0 }
    }

    private func listing(accountId: String) async throws(AWSClientError) -> CloudWatchClient.AlarmListing {
        let cloudWatch = CloudWatchClient(core: core)
        var listing: CloudWatchClient.AlarmListing
        do {
            listing = try await cloudWatch.describeAlarmsWithMetrics(includeComposite: includeComposite)
        } catch {
            guard includeComposite, case .notImplemented = error else { throw error }
            listing = try await cloudWatch.describeAlarmsWithMetrics(includeComposite: false)
        }
        // The cache keys rows by the scope read; an ARN from an emulator may say otherwise.
        listing.alarms = listing.alarms.map { alarm in
            var alarm = alarm
            alarm.accountId = accountId
            alarm.region = core.region
            return alarm
        }
        return listing
    }
}
