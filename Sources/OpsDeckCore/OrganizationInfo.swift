/// The organization and who is looking at it: what the header shows.
public struct OrganizationInfo: Sendable, Hashable, Codable {
    public var organizationId: String
    public var managementAccountId: String
    public var managementAccountName: String
    /// The caller identity ARN (`arn:aws:sts::...:assumed-role/...`).
    public var callerARN: String
    public var profile: String
    public var regions: [String]
    /// True for the generated demo organization.
    public var isDemo: Bool

    public init(
        organizationId: String, managementAccountId: String, managementAccountName: String, callerARN: String,
        profile: String, regions: [String], isDemo: Bool = false
    ) {
        self.organizationId = organizationId
        self.managementAccountId = managementAccountId
        self.managementAccountName = managementAccountName
        self.callerARN = callerARN
        self.profile = profile
        self.regions = regions
        self.isDemo = isDemo
    }
}
