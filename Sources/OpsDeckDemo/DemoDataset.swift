import Foundation
import OpsDeckCore

/// A generated organization: everything the providers would have fetched, as core values.
///
/// Write it to a cache with `CacheDatabase.replaceAll(with:fetchedAt:)` (see
/// `CacheContents`); it only holds plain values, so it needs no database to be inspected.
public struct DemoDataset: Sendable, Hashable {
    public var size: DemoSize
    /// The time every timestamp is relative to, and the time it counts as fetched.
    public var now: Date
    public var organization: OrganizationInfo
    public var units: [OrganizationalUnit]
    public var accounts: [Account]
    public var roles: [Role]
    public var alarms: [Alarm]
    public var incidents: [Incident]
    public var pipelineRuns: [PipelineRun]
    /// 90 days of daily cost up to and including today, by linked account and by service
    /// (today's is partial, as in Cost Explorer).
    public var costPoints: [CostPoint]
    public var budgets: [Budget]
    /// Forecast total for the current UTC month.
    public var forecast: Double
    /// First and (exclusive) last instant of the forecast's month.
    public var forecastPeriod: Range<Date>
    /// Cost Explorer requests made today.
    public var costExplorerRequestsToday: Int
    /// The recent points of the metric of every metric alarm in ALARM.
    public var metricSeries: [MetricSeries]
    /// Cost anomalies of the last 30 days.
    public var anomalies: [CostAnomaly]

    public init(
        size: DemoSize, now: Date, organization: OrganizationInfo, units: [OrganizationalUnit],
        accounts: [Account], roles: [Role], alarms: [Alarm], incidents: [Incident],
        pipelineRuns: [PipelineRun],
        costPoints: [CostPoint], budgets: [Budget], forecast: Double, forecastPeriod: Range<Date>,
        costExplorerRequestsToday: Int, metricSeries: [MetricSeries] = [], anomalies: [CostAnomaly] = []
    ) {
        self.size = size
        self.now = now
        self.organization = organization
        self.units = units
        self.accounts = accounts
        self.roles = roles
        self.alarms = alarms
        self.incidents = incidents
        self.pipelineRuns = pipelineRuns
        self.costPoints = costPoints
        self.budgets = budgets
        self.forecast = forecast
        self.forecastPeriod = forecastPeriod
        self.costExplorerRequestsToday = costExplorerRequestsToday
        self.metricSeries = metricSeries
        self.anomalies = anomalies
    }

    /// Identifies what was generated: the app can skip regenerating a demo file that
    /// already holds this stamp.
    public var stamp: String {
        "\(size.rawValue)-\(Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))"
    }
}
