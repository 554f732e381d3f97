import Foundation

/// What a refresh covers and how hard it leans on AWS.
public struct SyncConfiguration: Sendable, Hashable {
    /// The role assumed in each member account to read it.
    public var memberRoleName: String
    /// The regions regional sources (alarms) are read in.
    public var regions: [String]
    /// The profile the management credentials come from; shown in the header and errors.
    public var profile: String
    /// How many account (or account and region) fetches run at once.
    public var maxConcurrency: Int
    /// The session name CloudTrail records for the assumed read roles.
    public var sessionName: String
    /// Whether to ask CloudWatch for composite alarms (emulators such as moto lack them;
    /// a `notImplemented` answer falls back to metric alarms anyway).
    public var includeCompositeAlarms: Bool
    /// Whether to call ListRoleTags for each role (AWS's ListRoles returns no tags); one
    /// IAM call per role, so large accounts may want it off.
    public var readsRoleTags: Bool
    /// The newest executions read per CodePipeline pipeline.
    public var executionsPerPipeline = 10
    /// GitHub Actions repositories read with the pipelines source; nil reads none.
    public var gitHub: GitHubSource?

    /// Creates a configuration; the defaults suit an organization created through AWS
    /// Organizations, where `OrganizationAccountAccessRole` exists in every member.
    public init(
        memberRoleName: String = "OrganizationAccountAccessRole", regions: [String] = ["us-east-1"],
        profile: String = "default", maxConcurrency: Int = 16, sessionName: String = "opsdeck-refresh",
        includeCompositeAlarms: Bool = true, readsRoleTags: Bool = true
    ) {
        self.memberRoleName = memberRoleName
        self.regions = regions
        self.profile = profile
        self.maxConcurrency = max(1, maxConcurrency)
        self.sessionName = sessionName
        self.includeCompositeAlarms = includeCompositeAlarms
        self.readsRoleTags = readsRoleTags
    }
}
