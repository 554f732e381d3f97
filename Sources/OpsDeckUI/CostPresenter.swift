import OpsDeckCore

/// The Cost pane's table: month to date by account (with its OU) or by service.
/// The summary above it (totals, forecast, sparkline, budgets) is drawn by `CostSummaryView`.
public enum CostPresenter {
    public static let columns = [
        PaneColumn("Name", width: 24, flexible: true),
        PaneColumn("OU", width: 14, priority: 2),
        PaneColumn("MTD", width: 11, alignment: .right),
        PaneColumn("Last mo. same days", width: 11, alignment: .right, priority: 1),
        PaneColumn("Change", width: 7, alignment: .right, priority: 1),
        PaneColumn("Last month", width: 11, alignment: .right, priority: 3),
        PaneColumn("30 days", width: 12, priority: 2),
    ]

    public static func content(_ snapshot: OrgSnapshot, _ context: PresentationContext) -> PaneContent {
        let lines = context.costView == .byAccount ? snapshot.cost.byAccount : snapshot.cost.byService
        let rows = lines.sorted { $0.monthToDate > $1.monthToDate }.map { line in
            let account = context.accountsById[line.key]
            let prod = account?.isProduction ?? false
            var cellRoles: CellRoles = [6: .sparkline]
            if let change = line.changePercent {
                cellRoles[4] = change > 10 ? .costUp : (change < -10 ? .costDown : .text)
            }
            if prod { cellRoles[0] = .prodText }
            return PaneRow(
                id: "\(context.costView == .byAccount ? "account" : "service"):\(line.key)",
                cells: [
                    .text(account?.displayName ?? (line.label.isEmpty ? line.key : line.label)),
                    .text(account.map { $0.ouPath.split(separator: "/").last.map(String.init) ?? "" } ?? ""),
                    .money(line.monthToDate), .money(line.lastMonthSameDays), .percent(line.changePercent),
                    .money(line.lastMonthTotal), .sparkline(Array(line.daily.suffix(30))),
                ],
                cellRoles: cellRoles, isProduction: prod)
        }
        return PaneContent(
            columns: columns, rows: rows + anomalyRows(snapshot, context), emptyMessage: "No cost data yet")
    }

    public static func detail(_ id: String, _ snapshot: OrgSnapshot, _ context: PresentationContext) -> [(
        String, String
    )] {
        if id.hasPrefix(anomalyPrefix) { return anomalyDetail(id, snapshot, context) }
        let key = id.split(separator: ":", maxSplits: 1).last.map(String.init) ?? id
        let lines = id.hasPrefix("account:") ? snapshot.cost.byAccount : snapshot.cost.byService
        guard let line = lines.first(where: { $0.key == key }) else { return [] }
        var out: [(String, String)] = [
            (id.hasPrefix("account:") ? "Account" : "Service", context.accountName(line.key)),
            ("Month to date", CellValue.formatMoney(line.monthToDate)),
            ("Same days last month", CellValue.formatMoney(line.lastMonthSameDays)),
            ("Change", line.changePercent.map(CellValue.formatPercent) ?? "-"),
            ("Last month total", CellValue.formatMoney(line.lastMonthTotal)),
            ("Last 30 days", SparkText.render(Array(line.daily.suffix(30)), width: 30, ascii: context.ascii)),
        ]
        for budget in snapshot.cost.budgets where budget.accountId == line.key {
            out.append(
                (
                    "Budget \(budget.name)",
                    String(format: "%.0f%% of %@", budget.percentUsed, CellValue.formatMoney(budget.limit))
                ))
        }
        return out
    }
}
