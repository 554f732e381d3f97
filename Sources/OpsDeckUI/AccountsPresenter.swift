import OpsDeckCore

/// The Accounts pane: the OU tree with each account's roll-up.
public enum AccountsPresenter {
    public static let columns = [
        PaneColumn("Name", width: 28, flexible: true),
        PaneColumn("Account", width: 12, priority: 4),
        PaneColumn("Env", width: 8),
        PaneColumn("Status", width: 9, priority: 5),
        PaneColumn("Alarms", width: 6, alignment: .right),
        PaneColumn("Incid", width: 5, alignment: .right, priority: 1),
        PaneColumn("MTD cost", width: 11, alignment: .right, priority: 2),
        PaneColumn("Pipeline", width: 11, priority: 3),
    ]

    struct Rollup {
        var alarms = 0
        var incidents = 0
        var cost = 0.0
        var lastRun: PipelineRun?
    }

    public static func content(_ snapshot: OrgSnapshot, _ context: PresentationContext) -> PaneContent {
        var rollups: [String: Rollup] = [:]
        for alarm in snapshot.alarms where alarm.state == .alarm && context.includes(region: alarm.region) {
            rollups[alarm.accountId, default: Rollup()].alarms += 1
        }
        // Through the inbox, so an incident linked to an alarm counts for the alarm's account.
        for alert in AlertInbox.merge(alarms: snapshot.alarms, incidents: snapshot.incidents) {
            guard let incident = alert.incident, incident.status != .resolved, let id = alert.accountId else {
                continue
            }
            rollups[id, default: Rollup()].incidents += 1
        }
        for line in snapshot.cost.byAccount { rollups[line.key, default: Rollup()].cost = line.monthToDate }
        for run in snapshot.pipelineRuns where context.includes(region: run.region) {
            if let last = rollups[run.accountId]?.lastRun, last.startedAt >= run.startedAt { continue }
            rollups[run.accountId, default: Rollup()].lastRun = run
        }

        var childrenOf: [String: [OrganizationalUnit]] = [:]
        var roots: [OrganizationalUnit] = []
        let unitIds = Set(snapshot.units.map(\.id))
        for unit in snapshot.units {
            // An OU whose parent is not (yet) in the cache shows at the top rather than vanishing.
            if let parent = unit.parentId, unitIds.contains(parent) {
                childrenOf[parent, default: []].append(unit)
            } else {
                roots.append(unit)
            }
        }
        var accountsIn: [String: [Account]] = [:]
        for account in snapshot.accounts { accountsIn[account.ouId, default: []].append(account) }

        var rows: [PaneRow] = []
        rows.reserveCapacity(snapshot.units.count + snapshot.accounts.count)
        func visit(_ unit: OrganizationalUnit, ancestors: [String]) -> Rollup {
            let index = rows.count
            rows.append(PaneRow(id: "ou:\(unit.id)", cells: []))
            var total = Rollup()
            let path = ancestors + [unit.id]
            for child in (childrenOf[unit.id] ?? []).sorted(by: { $0.name < $1.name }) {
                let sub = visit(child, ancestors: path)
                total.alarms += sub.alarms
                total.incidents += sub.incidents
                total.cost += sub.cost
            }
            let members = (accountsIn[unit.id] ?? []).sorted { $0.name < $1.name }
            for account in members {
                let rollup = rollups[account.id] ?? Rollup()
                total.alarms += rollup.alarms
                total.incidents += rollup.incidents
                total.cost += rollup.cost
                rows.append(accountRow(account, rollup, depth: path.count, ancestors: path))
            }
            rows[index] = PaneRow(
                id: "ou:\(unit.id)",
                cells: [
                    .text(unit.name), .text(unit.id), .text(""), .text("\(members.count) acct"),
                    .count(total.alarms),
                    .count(total.incidents), .money(total.cost), .empty,
                ],
                role: .title, cellRoles: total.alarms > 0 ? [4: .alarm] : [:], depth: ancestors.count,
                nodeId: unit.id, ancestors: ancestors)
            return total
        }
        for root in roots.sorted(by: { $0.name < $1.name }) { _ = visit(root, ancestors: []) }
        // Accounts whose OU is unknown (not yet fetched) still show, at the top level.
        let known = Set(snapshot.units.map(\.id))
        for account in snapshot.accounts where !known.contains(account.ouId) {
            rows.append(accountRow(account, rollups[account.id] ?? Rollup(), depth: 0, ancestors: []))
        }
        return PaneContent(
            columns: columns, rows: rows, isTree: true,
            emptyMessage: "No accounts in the cache yet (try opsdeck --demo)")
    }

    static func accountRow(_ account: Account, _ rollup: Rollup, depth: Int, ancestors: [String]) -> PaneRow {
        var cellRoles: CellRoles = [:]
        if rollup.alarms > 0 { cellRoles[4] = .alarm }
        if rollup.incidents > 0 { cellRoles[5] = .incidentTriggered }
        if account.status != .active { cellRoles[3] = .warning }
        if let run = rollup.lastRun { cellRoles[7] = PipelinesPresenter.role(for: run.status) }
        if account.isProduction { cellRoles[2] = .prodText }
        if account.environment == .staging { cellRoles[2] = .stagingText }
        var name = account.name
        if account.isManagement { name += " (management)" }
        return PaneRow(
            id: account.id,
            cells: [
                .text(name), .text(account.id), .text(account.environment.rawValue),
                .text(account.status.rawValue.lowercased()), .count(rollup.alarms), .count(rollup.incidents),
                .money(rollup.cost), .text(rollup.lastRun?.status.rawValue ?? "-"),
            ],
            role: account.isProduction ? .prodText : nil, cellRoles: cellRoles, depth: depth,
            ancestors: ancestors,
            isProduction: account.isProduction)
    }

    public static func detail(_ id: String, _ snapshot: OrgSnapshot, _ context: PresentationContext) -> [(
        String, String
    )] {
        if id.hasPrefix("ou:") {
            let unitId = String(id.dropFirst(3))
            guard let unit = snapshot.units.first(where: { $0.id == unitId }) else { return [] }
            let members = snapshot.accounts.filter { $0.ouId == unit.id }
            return [
                ("OU", unit.name), ("Id", unit.id), ("Path", unit.path), ("Parent", unit.parentId ?? "-"),
                ("Accounts", members.map(\.name).sorted().joined(separator: ", ")),
            ]
        }
        guard let account = context.accountsById[id] else { return [] }
        var lines: [(String, String)] = [
            ("Account", account.name), ("Id", account.id), ("Alias", account.alias ?? "-"),
            ("Email", account.email),
            ("Status", account.status.rawValue), ("Environment", account.environment.rawValue),
            ("OU", account.ouPath), ("Management", account.isManagement ? "yes" : "no"),
        ]
        for (key, value) in account.tags.sorted(by: { $0.key < $1.key }) {
            lines.append(("Tag \(key)", value))
        }
        let firing = snapshot.alarms.filter { $0.accountId == id && $0.state == .alarm }
        lines.append(("Alarms firing", firing.isEmpty ? "none" : firing.map(\.name).joined(separator: ", ")))
        let open = snapshot.incidents.filter { $0.accountId == id && $0.status != .resolved }
        lines.append(
            (
                "Open incidents",
                open.isEmpty ? "none" : open.map { "#\($0.number) \($0.title)" }.joined(separator: "; ")
            ))
        if let line = snapshot.cost.byAccount.first(where: { $0.key == id }) {
            lines.append(("Month to date", CellValue.formatMoney(line.monthToDate)))
            lines.append(("Same days last month", CellValue.formatMoney(line.lastMonthSameDays)))
        }
        return lines
    }
}
