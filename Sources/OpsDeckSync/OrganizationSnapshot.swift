import OpsDeckCore

/// What `OrganizationProvider` read: the organization, the OU tree and the accounts.
public struct OrganizationSnapshot: Sendable, Hashable {
    /// What the header shows.
    public var info: OrganizationInfo
    /// The root and every OU, parents before children.
    public var units: [OrganizationalUnit]
    /// Every account, the management account included.
    public var accounts: [Account]

    /// Creates a snapshot.
    public init(info: OrganizationInfo, units: [OrganizationalUnit], accounts: [Account]) {
        self.info = info
        self.units = units
        self.accounts = accounts
    }

    /// The accounts a fan-out reads (suspended and closing ones cannot be assumed into).
    public var activeAccounts: [Account] { accounts.filter { $0.status == .active } }
}
