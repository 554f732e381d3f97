import OpsDeckCore

/// The organization's shape, shared by the generators of everything that lives in it.
struct GeneratedOrg {
    /// What a generator needs to know about one account besides the `Account` itself.
    struct Member {
        var account: Account
        /// The team that owns it (or the person, for a sandbox).
        var team: String
        /// The application it runs, for workload accounts.
        var app: String?
    }

    var info: OrganizationInfo
    var units: [OrganizationalUnit]
    var members: [Member]
    var management: Account

    var accounts: [Account] { members.map(\.account) }
    var active: [Member] { members.filter { $0.account.status == .active } }

    func member(named name: String) -> Member? {
        members.first { $0.account.name == name }
    }
}
