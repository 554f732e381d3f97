/// Who the credentials belong to, from STS `GetCallerIdentity`.
public struct STSCallerIdentity: Sendable, Hashable {
    /// The account that owns the credentials.
    public var account: String
    /// The caller's ARN (`arn:aws:sts::123456789012:assumed-role/Role/session`).
    public var arn: String
    /// The unique id of the user or role session.
    public var userId: String

    /// Creates a caller identity.
    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }
}
