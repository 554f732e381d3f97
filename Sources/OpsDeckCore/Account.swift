import Foundation

/// An AWS account in the organization.
public struct Account: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case active = "ACTIVE"
        case suspended = "SUSPENDED"
        case pendingClosure = "PENDING_CLOSURE"
    }

    public var id: String
    public var name: String
    public var email: String
    public var status: Status
    /// The OU the account sits in directly.
    public var ouId: String
    /// The OU path, e.g. `Root/Workloads/Prod`.
    public var ouPath: String
    public var environment: Environment
    /// The IAM account alias, when the account has one.
    public var alias: String?
    public var tags: [String: String]
    public var isManagement: Bool
    public var joinedAt: Date?

    public init(
        id: String, name: String, email: String, status: Status = .active, ouId: String, ouPath: String,
        environment: Environment, alias: String? = nil, tags: [String: String] = [:],
        isManagement: Bool = false,
        joinedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.status = status
        self.ouId = ouId
        self.ouPath = ouPath
        self.environment = environment
        self.alias = alias
        self.tags = tags
        self.isManagement = isManagement
        self.joinedAt = joinedAt
    }

    public var isProduction: Bool { environment == .prod }
    /// What to show where space is short: the alias if there is one, else the name.
    public var displayName: String { alias ?? name }
}
