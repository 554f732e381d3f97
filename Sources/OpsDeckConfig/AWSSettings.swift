/// The `[aws]` section: how OpsDeck reaches into member accounts.
public struct AWSSettings: Sendable, Hashable {
    /// The role assumed in each member account from the management account.
    public var memberRole: String
    /// How many account x region requests run at once.
    public var concurrency: Int
    /// Overrides every service endpoint (e.g. a local moto server); nil means AWS.
    public var endpointURL: String?

    public init(
        memberRole: String = "OrganizationAccountAccessRole", concurrency: Int = 16,
        endpointURL: String? = nil
    ) {
        self.memberRole = memberRole
        self.concurrency = concurrency
        self.endpointURL = endpointURL
    }
}
