import Foundation

/// Everything the UI shows, as read from the cache in one consistent read.
///
/// The UI never reads the network or the database itself; it is handed one of these
/// whenever the cache changes.
public struct OrgSnapshot: Sendable {
    public var organization: OrganizationInfo?
    public var units: [OrganizationalUnit]
    public var accounts: [Account]
    public var roles: [Role]
    public var pipelineRuns: [PipelineRun]
    public var alarms: [Alarm]
    public var incidents: [Incident]
    public var cost: CostSummary
    public var statuses: [SourceStatus]
    /// PagerDuty services from `service.*` webhook events (deleted ones left out), by name.
    public var pagerDutyServices: [PagerDutyService]
    /// On-calls and queued incident actions (pd-rest).
    public var pagerDuty: PagerDutySnapshot = .empty
    /// Bumped by every write to the cache; lets the UI skip work when nothing changed.
    public var version: Int64
    /// Recent data points of the metric alarms in ALARM, by alarm ARN.
    public var metricSeries: [String: MetricSeries]

    public init(
        organization: OrganizationInfo? = nil, units: [OrganizationalUnit] = [], accounts: [Account] = [],
        roles: [Role] = [], pipelineRuns: [PipelineRun] = [], alarms: [Alarm] = [],
        incidents: [Incident] = [],
        cost: CostSummary = .empty, statuses: [SourceStatus] = [], version: Int64 = 0,
        metricSeries: [String: MetricSeries] = [:],
        pagerDutyServices: [PagerDutyService] = []
    ) {
        self.organization = organization
        self.units = units
        self.accounts = accounts
        self.roles = roles
        self.pipelineRuns = pipelineRuns
        self.alarms = alarms
        self.incidents = incidents
        self.cost = cost
        self.statuses = statuses
        self.version = version
        self.metricSeries = metricSeries
        self.pagerDutyServices = pagerDutyServices
    }

    public static let empty = OrgSnapshot()
}
