import Foundation

/// An IAM role in one account.
public struct Role: Sendable, Hashable, Codable, Identifiable {
    public var accountId: String
    public var name: String
    public var arn: String
    public var path: String
    /// The trust (assume-role) policy as canonical JSON, so two accounts' copies compare equal.
    public var trustPolicy: String
    public var maxSessionDuration: Int
    public var createdAt: Date?
    public var lastUsedAt: Date?
    public var tags: [String: String]
    /// Marked by path, tag or config; see `BreakGlassRule`.
    public var isBreakGlass: Bool

    public init(
        accountId: String, name: String, arn: String, path: String = "/", trustPolicy: String,
        maxSessionDuration: Int = 3600, createdAt: Date? = nil, lastUsedAt: Date? = nil,
        tags: [String: String] = [:], isBreakGlass: Bool = false
    ) {
        self.accountId = accountId
        self.name = name
        self.arn = arn
        self.path = path
        self.trustPolicy = trustPolicy
        self.maxSessionDuration = maxSessionDuration
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.tags = tags
        self.isBreakGlass = isBreakGlass
    }

    public var id: String { arn }
}
