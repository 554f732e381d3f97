import Foundation
import OpsDeckCore

/// A whole organization's data at once, for `CacheDatabase.replaceAll(with:fetchedAt:)`:
/// the demo, or a test fixture.
public struct CacheContents: Sendable, Hashable {
    public var organization: OrganizationInfo?
    public var units: [OrganizationalUnit]
    public var accounts: [Account]
    public var roles: [Role]
    public var alarms: [Alarm]
    public var incidents: [Incident]
    public var pipelineRuns: [PipelineRun]
    public var cost: CostRecords
    /// Cost Explorer requests made on the day of `fetchedAt`.
    public var costExplorerRequests: Int
    /// Metric series of alarms, each stored with its alarm's account and region.
    public var metricSeries: [MetricSeries]

    public init(
        organization: OrganizationInfo? = nil, units: [OrganizationalUnit] = [], accounts: [Account] = [],
        roles: [Role] = [], alarms: [Alarm] = [], incidents: [Incident] = [],
        pipelineRuns: [PipelineRun] = [],
        cost: CostRecords = CostRecords(), costExplorerRequests: Int = 0,
        metricSeries: [MetricSeries] = []
    ) {
        self.organization = organization
        self.units = units
        self.accounts = accounts
        self.roles = roles
        self.alarms = alarms
        self.incidents = incidents
        self.pipelineRuns = pipelineRuns
        self.cost = cost
        self.costExplorerRequests = costExplorerRequests
        self.metricSeries = metricSeries
    }
}
