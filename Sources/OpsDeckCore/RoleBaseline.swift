/// The role set every account should have, and where accounts differ from it.
///
/// A role counts as part of the baseline when at least half the active accounts have
/// it; its expected trust policy is the one most of them share.
public struct RoleBaseline: Sendable, Hashable {
    public struct Entry: Sendable, Hashable, Identifiable {
        public var roleName: String
        public var presentIn: [String]
        /// Active accounts without the role.
        public var missingIn: [String]
        /// Accounts whose copy has a different trust policy than most.
        public var driftedIn: [String]
        public var isBreakGlass: Bool

        public var id: String { roleName }
        public var isClean: Bool { missingIn.isEmpty && driftedIn.isEmpty }
    }

    public var entries: [Entry]
    /// Role ARNs whose trust policy differs from the baseline.
    public var driftedRoleARNs: Set<String>

    /// - Parameters:
    ///   - roles: every role in every account.
    ///   - accountIds: the active accounts that should carry the baseline.
    public init(roles: [Role], accountIds: [String]) {
        let active = Set(accountIds)
        var byName: [String: [Role]] = [:]
        for role in roles where active.contains(role.accountId) {
            byName[role.name, default: []].append(role)
        }
        var entries: [Entry] = []
        var drifted = Set<String>()
        let sortedAccounts = accountIds.sorted()
        for (name, copies) in byName {
            let present = Set(copies.map(\.accountId))
            var policyCounts: [String: Int] = [:]
            for role in copies { policyCounts[role.trustPolicy, default: 0] += 1 }
            let expected = policyCounts.max { a, b in a.value == b.value ? a.key > b.key : a.value < b.value
            }?.key
            let driftedCopies = copies.filter { $0.trustPolicy != expected }
            for role in driftedCopies { drifted.insert(role.arn) }
            let isBaseline = present.count * 2 >= active.count
            entries.append(
                Entry(
                    roleName: name, presentIn: present.sorted(),
                    missingIn: isBaseline ? sortedAccounts.filter { !present.contains($0) } : [],
                    driftedIn: driftedCopies.map(\.accountId).sorted(),
                    isBreakGlass: copies.contains(where: \.isBreakGlass)))
        }
        entries.sort { lhs, rhs in
            if lhs.isClean != rhs.isClean { return !lhs.isClean }
            return lhs.roleName < rhs.roleName
        }
        self.entries = entries
        self.driftedRoleARNs = drifted
    }
}
