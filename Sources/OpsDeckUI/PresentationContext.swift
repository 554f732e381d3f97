import OpsDeckCore

/// What presenters need besides the snapshot: lookups built once per snapshot and the
/// user's view choices.
public struct PresentationContext: Sendable {
    public var accountsById: [String: Account]
    /// Only rows in this region are shown by region-scoped panes; nil shows all.
    public var region: String?
    public var rolesView: RolesView
    public var costView: CostView
    /// Draw with ASCII only (`--ascii`).
    public var ascii: Bool

    public enum RolesView: Sendable, Hashable {
        case list
        case baseline
    }

    public enum CostView: Sendable, Hashable {
        case byAccount
        case byService
    }

    public init(
        snapshot: OrgSnapshot, region: String? = nil, rolesView: RolesView = .list,
        costView: CostView = .byAccount,
        ascii: Bool = false
    ) {
        var index: [String: Account] = [:]
        index.reserveCapacity(snapshot.accounts.count)
        for account in snapshot.accounts { index[account.id] = account }
        self.accountsById = index
        self.region = region
        self.rolesView = rolesView
        self.costView = costView
        self.ascii = ascii
    }

    /// The account's display name, or its id when it is not known.
    public func accountName(_ id: String?) -> String {
        guard let id else { return "-" }
        return accountsById[id]?.displayName ?? id
    }

    public func isProduction(_ id: String?) -> Bool {
        guard let id else { return false }
        return accountsById[id]?.isProduction ?? false
    }

    public func includes(region candidate: String?) -> Bool {
        guard let region, let candidate else { return true }
        return candidate == region || candidate == "global"
    }
}
