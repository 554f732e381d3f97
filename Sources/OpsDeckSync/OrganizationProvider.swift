import AWSClient
import Foundation
import OpsDeckCache
import OpsDeckCore

/// Reads the organization through the management account: DescribeOrganization, the OU
/// tree from the root down, the accounts under each parent and their tags.
public struct OrganizationProvider: Sendable {
    /// Signed with the management account's credentials.
    public var core: AWSClientCore

    /// Organizations calls in flight at once.
    static let width = 8

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
        // Level by level, so parents come before their children (the order a breadth-first
        // walk gives), with each level's parents read at once.
        var level: [OrganizationalUnit] = try await organizations.listRoots().map {
            OrganizationalUnit(id: $0.id, name: $0.name, parentId: nil, path: $0.name)
        }
        while !level.isEmpty {
            units += level
            let children = try await ConcurrentMap.map(level, width: Self.width) {
                parent throws(AWSClientError) in
                let accounts = try await organizations.listAccounts(parentId: parent.id)
                let unitsBelow = try await organizations.listOrganizationalUnits(parentId: parent.id)
                return (accounts, unitsBelow.map { $0.organizationalUnit(parentPath: parent.path) })
            }
            var next: [OrganizationalUnit] = []
            for (parent, (accounts, unitsBelow)) in zip(level, children) {
                members += accounts.map { ($0, parent.id, parent.path) }
                next += unitsBelow
            }
            level = next
        }
        let tags = try await ConcurrentMap.map(members.map(\.account.id), width: Self.width) {
            id throws(AWSClientError) in
            try await organizations.listTags(resourceId: id)
        }
        let accounts = zip(members, tags).map { member, tags in
            member.account.account(
                ouId: member.ouId, ouPath: member.ouPath, tags: tags,
                managementAccountId: organization.managementAccountId)
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
