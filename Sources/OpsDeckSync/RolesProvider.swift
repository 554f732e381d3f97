import AWSClient
import Foundation
import OpsDeckCore

/// Reads one account's IAM roles and its alias.
public struct RolesProvider: Sendable {
    /// What one account's fetch found.
    public struct Result: Sendable, Hashable {
        public var roles: [Role]
        /// The account alias, if the account has one.
        public var alias: String?
    }

    /// Signed for the account being read.
    public var core: AWSClientCore

    /// Creates a provider.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// ListRoles and ListAccountAliases; roles are stamped with `accountId` and marked
    /// break-glass by path or tag.
    /// - Throws: `AWSClientError`.
    public func fetch(accountId: String) async throws(AWSClientError) -> Result {
        let iam = IAMClient(core: core)
        let roles = try await iam.listRoles().map { role in
            var role = role
            role.accountId = accountId
            role.isBreakGlass = Self.isBreakGlass(role)
            return role
        }
        let alias = try await iam.listAccountAliases().first { !$0.isEmpty }
        return Result(roles: roles, alias: alias)
    }

    /// A role is break-glass when its path says so (`/breakglass/`) or it is tagged
    /// `breakglass=true` (any case of key and value).
    public static func isBreakGlass(_ role: Role) -> Bool {
        if role.path.lowercased().contains("breakglass") { return true }
        return role.tags.contains { key, value in
            key.lowercased() == "breakglass" && value.lowercased() == "true"
        }
    }
}
