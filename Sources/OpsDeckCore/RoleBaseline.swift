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
        // Indices, not copies: a Role is a dozen references, and 20,000 copies of them
        // were most of this function's time.
        var byName: [String: [Int]] = [:]
        for index in roles.indices where active.contains(roles[index].accountId) {
            byName[roles[index].name, default: []].append(index)
        }
        var entries: [Entry] = []
        var drifted = Set<String>()
        let sortedAccounts = accountIds.sorted()
        for (name, copies) in byName {
            var present = Set<String>()
            var policyCounts: [String: Int] = [:]
            var isBreakGlass = false
            for index in copies {
                present.insert(roles[index].accountId)
                policyCounts[roles[index].trustPolicy, default: 0] += 1
                isBreakGlass = isBreakGlass || roles[index].isBreakGlass
            }
            let expected = policyCounts.max { a, b in a.value == b.value ? a.key > b.key : a.value < b.value
            }?.key
            let driftedCopies = copies.filter { roles[$0].trustPolicy != expected }
            for index in driftedCopies { drifted.insert(roles[index].arn) }
            let isBaseline = present.count * 2 >= active.count
            entries.append(
                Entry(
                    roleName: name, presentIn: present.sorted(),
                    missingIn: isBaseline ? sortedAccounts.filter { !present.contains($0) } : [],
                    driftedIn: driftedCopies.map { roles[$0].accountId }.sorted(),
                    isBreakGlass: isBreakGlass))
        }
        entries.sort { lhs, rhs in
            if lhs.isClean != rhs.isClean { return !lhs.isClean }
            return lhs.roleName < rhs.roleName
        }
        self.entries = entries
        self.driftedRoleARNs = drifted
    }
}
