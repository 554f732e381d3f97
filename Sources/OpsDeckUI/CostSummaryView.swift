import Foundation
import OpsDeckCore
import TerminalKit

/// The lines above the Cost table: month to date against last month, the forecast,
/// a 30-day sparkline, budgets and the billing alarm.
enum CostSummaryView {
    static func draw(into buffer: inout ScreenBuffer, area: Rect, state: AppState, glyphs: Glyphs) {
        let cost = state.snapshot.cost
        var y = area.y
        func line(_ parts: [(String, ThemeRole)]) {
            guard y < area.maxY else { return }
            var x = area.x
            for (text, role) in parts where x < area.maxX {
                x += buffer.write(text, x: x, y: y, paint: state.paint(role), maxWidth: area.maxX - x)
            }
            y += 1
        }
        let change =
            cost.lastMonthSameDays > 0
            ? (cost.monthToDate - cost.lastMonthSameDays) / cost.lastMonthSameDays * 100 : nil
        let changeRole: ThemeRole = (change ?? 0) > 10 ? .costUp : ((change ?? 0) < -10 ? .costDown : .text)
        line([
            ("MTD ", .muted), (CellValue.formatMoney(cost.monthToDate), .title),
            ("  vs same days last month ", .muted), (CellValue.formatMoney(cost.lastMonthSameDays), .text),
            (" (" + (change.map(CellValue.formatPercent) ?? "-") + ")", changeRole),
        ])
        line([
            ("Forecast ", .muted), (cost.forecast.map(CellValue.formatMoney) ?? "-", .text),
            ("  last month ", .muted), (CellValue.formatMoney(cost.lastMonthTotal), .text),
            ("  billing alarm ", .muted),
            (cost.billingAlarmThreshold.map(CellValue.formatMoney) ?? "none", .text),
        ])
        line([
            ("30d ", .muted),
            (
                SparkText.render(cost.daily, width: max(1, min(30, area.width - 20)), ascii: state.ascii),
                .sparkline
            ),
            ("  Cost Explorer requests today: \(cost.costExplorerRequestsToday) (~$0.01 each)", .muted),
        ])
        line([
            ("Anomalies 30d ", .muted),
            (CostPresenter.anomalySummary(cost.anomalies), cost.anomalies.isEmpty ? .muted : .warning),
        ])
        let budgets = cost.budgets.sorted { $0.percentUsed > $1.percentUsed }
        for budget in budgets.prefix(max(0, area.maxY - y)) {
            let role: ThemeRole =
                budget.isBreached ? .budgetBreached : (budget.percentUsed >= 80 ? .warning : .ok)
            let barWidth = 10
            let filled = min(barWidth, Int((budget.percentUsed / 100 * Double(barWidth)).rounded()))
            let bar =
                String(repeating: state.ascii ? "#" : "█", count: filled)
                + String(repeating: state.ascii ? "." : "░", count: barWidth - filled)
            line([
                ("Budget ", .muted), (budget.name + " ", .text), (bar, role),
                (
                    String(format: " %.0f%% of ", budget.percentUsed) + CellValue.formatMoney(budget.limit),
                    role
                ),
            ])
        }
    }
}
