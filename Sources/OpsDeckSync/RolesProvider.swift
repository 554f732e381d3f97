import AWSClient
import Foundation
import OpsDeckCore

/// Reads one account's IAM roles and its alias.
public struct RolesProvider: Sendable {
    /// What one account's fetch found.
    public struct Result: Sendable, Hashable {
        /// The account's roles, stamped with its id.
        public var roles: [Role]
        /// The account alias, if the account has one.
        public var alias: String?
    }

    /// Signed for the account being read.
    public var core: AWSClientCore
    /// Ask ListRoleTags for roles ListRoles returned without tags (AWS's ListRoles never
    /// returns them): one more call per role, but tags mark break-glass roles.
    public var readsTags: Bool

    /// Creates a provider.
    public init(core: AWSClientCore, readsTags: Bool = true) {
        self.core = core
        self.readsTags = readsTags
    }

    /// ListRoles and ListAccountAliases; roles are stamped with `accountId` and marked
    /// break-glass by path or tag.
    /// - Throws: `AWSClientError`.
    public func fetch(accountId: String) async throws(AWSClientError) -> Result {
        let iam = IAMClient(core: core)
        var roles: [Role] = []
        for listed in try await iam.listRoles() {
            var role = listed
            role.accountId = accountId
            if readsTags, role.tags.isEmpty {
                role.tags = try await iam.listRoleTags(roleName: role.name)
            }
            role.isBreakGlass = Self.isBreakGlass(role)
            roles.append(role)
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
