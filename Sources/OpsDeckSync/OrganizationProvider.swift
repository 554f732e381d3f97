import AWSClient
import Foundation
import OpsDeckCache
import OpsDeckCore

/// Reads the organization through the management account: DescribeOrganization, the OU
/// tree from the root down, the accounts under each parent and their tags.
public struct OrganizationProvider: Sendable {
    /// Signed with the management account's credentials.
    public var core: AWSClientCore

    /// Creates a provider.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// Reads the organization.
    /// - Parameters:
    ///   - profile: the profile named in the header.
    ///   - regions: the regions the header lists.
    /// - Throws: `AWSClientError`.
    public func fetch(
        profile: String, regions: [String]
    ) async throws(AWSClientError) -> OrganizationSnapshot {
        let caller = try await STSClient(core: core).getCallerIdentity()
        let organizations = OrganizationsClient(core: core)
        let organization = try await organizations.describeOrganization()
        var units: [OrganizationalUnit] = []
        var members: [(account: OrganizationsClient.MemberAccount, ouId: String, ouPath: String)] = []
        // Breadth first, so parents come before their children.
        var queue: [OrganizationalUnit] = try await organizations.listRoots().map {
            OrganizationalUnit(id: $0.id, name: $0.name, parentId: nil, path: $0.name)
        }
        while !queue.isEmpty {
            let parent = queue.removeFirst()
            units.append(parent)
            for account in try await organizations.listAccounts(parentId: parent.id) {
                members.append((account, parent.id, parent.path))
            }
            queue += try await organizations.listOrganizationalUnits(parentId: parent.id).map {
                $0.organizationalUnit(parentPath: parent.path)
            }
        }
        var accounts: [Account] = []
        for member in members {
            let tags = try await organizations.listTags(resourceId: member.account.id)
            accounts.append(
                member.account.account(
                    ouId: member.ouId, ouPath: member.ouPath, tags: tags,
                    managementAccountId: organization.managementAccountId))
        }
        let managementName = accounts.first { $0.id == organization.managementAccountId }?.name ?? ""
        let info = OrganizationInfo(
            organizationId: organization.id, managementAccountId: organization.managementAccountId,
            managementAccountName: managementName, callerARN: caller.arn, profile: profile, regions: regions)
        return OrganizationSnapshot(info: info, units: units, accounts: accounts)
    }

    /// Writes a fetched organization: the accounts and OUs under (management account,
    /// `global`) in one transaction, then the header's organization info.
    ///
    /// - Parameter aliases: account aliases known from elsewhere (the roles fetch), by
    ///   account id; Organizations itself does not know them.
    /// - Throws: `CacheError`.
    public static func write(
        _ snapshot: OrganizationSnapshot, aliases: [String: String], to cache: CacheDatabase, at date: Date
    ) throws {
        let accounts = snapshot.accounts.map { account in
            var account = account
            account.alias = aliases[account.id] ?? account.alias
            return account
        }
        try cache.replace(
            source: .organizations, accountId: snapshot.info.managementAccountId,
            region: CacheDatabase.globalRegion, fetchedAt: date,
            with: .organizations(accounts: accounts, units: snapshot.units))
        try cache.setOrganization(snapshot.info, fetchedAt: date)
    }
}
