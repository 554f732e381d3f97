/// Which call an error belongs to: what a message names so the user knows where to look.
public struct AWSOperationContext: Sendable, Hashable, CustomStringConvertible {
    /// The service id, such as `IAM` or `Cost Explorer`.
    public var service: String
    /// The operation, such as `ListRoles`.
    public var operation: String
    /// The region the call was made in (or signed for, for global services).
    public var region: String
    /// The account the call targets, when the caller knows it.
    public var accountId: String?
    /// The profile the credentials came from, when there is one.
    public var profile: String?
    /// Where the credentials came from (`environment`, `profile prod (role_arn ...)`).
    public var credentialSource: String?

    /// Creates a context.
    public init(
        service: String, operation: String, region: String, accountId: String? = nil, profile: String? = nil,
        credentialSource: String? = nil
    ) {
        self.service = service
        self.operation = operation
        self.region = region
        self.accountId = accountId
        self.profile = profile
        self.credentialSource = credentialSource
    }

    /// `IAM ListRoles in account 123456789012, us-east-1`.
    public var description: String {
        var text = "\(service) \(operation)"
        if let accountId { text += " in account \(accountId)," }
        return text + " \(region)"
    }

    /// The credentials, as a hint names them: the profile, else the source, else a generic phrase.
    var credentialsLabel: String {
        if let profile { return "profile \(profile)" }
        if let credentialSource { return credentialSource }
        return "the credentials in use"
    }
}
