import OpsDeckCore

/// The rows one successful fetch of one source produced, replacing that source's rows for
/// the fetch's account and region.
public enum SourceRecords: Sendable, Hashable {
    /// The organization's accounts and OUs (read through the management account).
    case organizations(accounts: [Account], units: [OrganizationalUnit])
    /// The IAM roles of one account.
    case roles([Role])
    /// The CloudWatch alarms of one account and region.
    case alarms([Alarm])
    /// PagerDuty incidents.
    case incidents([Incident])
    /// Pipeline runs of one account and region.
    case pipelineRuns([PipelineRun])
    /// Cost Explorer points, the forecast and budgets.
    case cost(CostRecords)

    /// The source these rows belong to.
    public var source: Source {
        switch self {
        case .organizations: .organizations
        case .roles: .roles
        case .alarms: .alarms
        case .incidents: .incidents
        case .pipelineRuns: .pipelines
        case .cost: .cost
        }
    }

    var kindName: String {
        switch self {
        case .organizations: "organizations"
        case .roles: "roles"
        case .alarms: "alarms"
        case .incidents: "incidents"
        case .pipelineRuns: "pipeline runs"
        case .cost: "cost"
        }
    }
}
