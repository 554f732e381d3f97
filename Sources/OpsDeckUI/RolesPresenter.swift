import OpsDeckCore

/// The Roles pane: every role in every account, or the baseline view of where
/// accounts lack a role or carry a different trust policy.
public enum RolesPresenter {
    public static let listColumns = [
        PaneColumn("Account", width: 18),
        PaneColumn("Role", width: 30, flexible: true),
        PaneColumn("Path", width: 14, priority: 2),
        PaneColumn("Kind", width: 11),
        PaneColumn("Trust", width: 8, priority: 1),
        PaneColumn("Max", width: 4, alignment: .right, priority: 3),
        PaneColumn("Used", width: 5, alignment: .right, priority: 2),
    ]

    public static let baselineColumns = [
        PaneColumn("Role", width: 30),
        PaneColumn("In", width: 9, alignment: .right),
        PaneColumn("Missing in", width: 24, flexible: true),
        PaneColumn("Trust differs in", width: 24, flexible: true, priority: 1),
    ]

    public static func content(_ snapshot: OrgSnapshot, _ context: PresentationContext) -> PaneContent {
        let active = snapshot.accounts.filter { $0.status == .active }.map(\.id)
        let baseline = RoleBaseline(roles: snapshot.roles, accountIds: active)
        switch context.rolesView {
        case .list: return list(snapshot, context, baseline)
        case .baseline: return baselineContent(baseline, accountCount: active.count, context)
        }
    }

    static func list(_ snapshot: OrgSnapshot, _ context: PresentationContext, _ baseline: RoleBaseline)
        -> PaneContent
    {
        var rows: [PaneRow] = []
        rows.reserveCapacity(snapshot.roles.count)
        // The default order (by account, then role) comes from grouping, not from sorting
        // 20,000 rows: only the accounts and each account's few roles are sorted.
        let roles = snapshot.roles
        var byAccount: [String: [Int]] = [:]
        for (index, role) in roles.enumerated() { byAccount[role.accountId, default: []].append(index) }
        let accountIds = byAccount.keys.sorted {
            NaturalOrder.less(context.accountName($0), context.accountName($1))
        }
        var hours: [Int: String] = [:]
        let drifted = baseline.driftedRoleARNs
        for id in accountIds {
            // Looked up once per account, not once per role.
            let accountName = context.accountName(id)
            let prod = context.isProduction(id)
            let group = (byAccount[id] ?? []).sorted { NaturalOrder.less(roles[$0].name, roles[$1].name) }
            for index in group {
                let role = roles[index]
                let isDrifted = !drifted.isEmpty && drifted.contains(role.arn)
                var cellRoles: CellRoles = [:]
                if prod { cellRoles[0] = .prodText }
                if role.isBreakGlass { cellRoles[3] = .breakGlass }
                if isDrifted { cellRoles[4] = .drift }
                let maxHours = role.maxSessionDuration / 3600
                let maxText = hours[maxHours] ?? "\(maxHours)h"
                hours[maxHours] = maxText
                rows.append(
                    PaneRow(
                        id: role.arn,
                        cells: [
                            .text(accountName), .text(role.name), .text(role.path),
                            .text(role.isBreakGlass ? "BREAK-GLASS" : "-"),
                            .text(isDrifted ? "drift" : "same"),
                            .text(maxText), role.lastUsedAt.map { .age($0) } ?? .text("never"),
                        ],
                        role: role.isBreakGlass ? .breakGlass : nil, cellRoles: cellRoles, isProduction: prod)
                )
            }
        }
        return PaneContent(columns: listColumns, rows: rows, emptyMessage: "No roles yet")
    }

    static func baselineContent(
        _ baseline: RoleBaseline, accountCount: Int, _ context: PresentationContext
    ) -> PaneContent {
        let rows = baseline.entries.map { entry in
            PaneRow(
                id: "baseline:\(entry.roleName)",
                cells: [
                    .text(entry.roleName), .text("\(entry.presentIn.count)/\(accountCount)"),
                    .text(names(entry.missingIn, context)), .text(names(entry.driftedIn, context)),
                ],
                role: entry.isClean ? (entry.isBreakGlass ? .breakGlass : nil) : .drift)
        }
        return PaneContent(columns: baselineColumns, rows: rows, emptyMessage: "No roles yet")
    }

    static func names(_ ids: [String], _ context: PresentationContext) -> String {
        guard !ids.isEmpty else { return "-" }
        let shown = ids.prefix(6).map { context.accountName($0) }.joined(separator: ", ")
        return ids.count > 6 ? shown + " +\(ids.count - 6)" : shown
    }

    public static func detail(_ id: String, _ snapshot: OrgSnapshot, _ context: PresentationContext) -> [(
        String, String
    )] {
        if id.hasPrefix("baseline:") {
            let name = String(id.dropFirst("baseline:".count))
            let active = snapshot.accounts.filter { $0.status == .active }.map(\.id)
            guard
                let entry = RoleBaseline(roles: snapshot.roles, accountIds: active).entries.first(where: {
                    $0.roleName == name
                })
            else { return [] }
            return [
                ("Role", entry.roleName),
                ("Present in", "\(entry.presentIn.count) of \(active.count) accounts"),
                ("Missing in", entry.missingIn.map { context.accountName($0) }.joined(separator: ", ")),
                ("Trust differs in", entry.driftedIn.map { context.accountName($0) }.joined(separator: ", ")),
                ("Break-glass", entry.isBreakGlass ? "yes" : "no"),
            ]
        }
        guard let role = snapshot.roles.first(where: { $0.arn == id }) else { return [] }
        var lines: [(String, String)] = [
            ("Role", role.name), ("ARN", role.arn),
            ("Account", context.accountName(role.accountId) + " (\(role.accountId))"),
            ("Path", role.path), ("Break-glass", role.isBreakGlass ? "yes" : "no"),
            ("Max session", "\(role.maxSessionDuration / 60) minutes"),
            ("Created", role.createdAt.map { "\($0)" } ?? "-"),
            ("Last used", role.lastUsedAt.map { "\($0)" } ?? "never"),
        ]
        for (key, value) in role.tags.sorted(by: { $0.key < $1.key }) { lines.append(("Tag \(key)", value)) }
        lines.append(("Trust policy", role.trustPolicy))
        return lines
    }
}
