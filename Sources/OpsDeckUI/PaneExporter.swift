import Foundation
import OpsDeckCore

/// Renders a pane's rows for scripts and reports: the same rows the pane shows, in its
/// default order, without tree headers, with machine-friendly values in JSON.
public enum PaneExporter {
    public static func export(
        _ pane: PaneID, snapshot: OrgSnapshot, format: ExportFormat, now: Date,
        rolesView: PresentationContext.RolesView = .list, costView: PresentationContext.CostView = .byAccount
    ) -> String {
        let context = PresentationContext(
            snapshot: snapshot, rolesView: rolesView, costView: costView, ascii: true)
        var state = PaneState()
        state.setContent(PaneContentBuilder.content(for: pane, snapshot: snapshot, context: context))
        let content = state.content
        let rows = state.visible.map { content.rows[$0] }.filter { $0.nodeId == nil }
        let keys = content.columns.map { fieldName($0.title) }
        switch format {
        case .json: return json(rows: rows, keys: keys, now: now)
        case .csv: return csv(rows: rows, columns: content.columns, now: now)
        case .table: return table(rows: rows, columns: content.columns, now: now)
        }
    }

    /// `Last mo. same days` becomes `last_mo_same_days`.
    static func fieldName(_ title: String) -> String {
        var out = ""
        var pendingUnderscore = false
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingUnderscore && !out.isEmpty { out.append("_") }
                out.append(ch)
                pendingUnderscore = false
            } else {
                pendingUnderscore = true
            }
        }
        return out
    }

    static func json(rows: [PaneRow], keys: [String], now: Date) -> String {
        let iso = ISO8601DateFormatter()
        var out = "[\n"
        for (r, row) in rows.enumerated() {
            out += "  {\"id\": \(quoteJSON(row.id))"
            for (i, key) in keys.enumerated() where i < row.cells.count {
                out += ", \(quoteJSON(key)): "
                switch row.cells[i] {
                case .text(let text): out += quoteJSON(text)
                case .age(let date), .running(let date): out += quoteJSON(iso.string(from: date))
                case .duration(let seconds): out += String(Staleness.wholeSeconds(seconds))
                case .money(let amount): out += String(format: "%.2f", amount)
                case .percent(let value): out += value.map { String(format: "%.2f", $0) } ?? "null"
                case .count(let n): out += String(n)
                case .sparkline(let values):
                    out += "[" + values.map { String(format: "%.2f", $0) }.joined(separator: ", ") + "]"
                case .empty: out += "null"
                }
            }
            out += r == rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    static func csv(rows: [PaneRow], columns: [PaneColumn], now: Date) -> String {
        var out = (["id"] + columns.map { fieldName($0.title) }).map(quoteCSV).joined(separator: ",") + "\r\n"
        let iso = ISO8601DateFormatter()
        for row in rows {
            let values = row.cells.map { cell -> String in
                switch cell {
                case .age(let date), .running(let date): iso.string(from: date)
                case .duration(let seconds): String(Staleness.wholeSeconds(seconds))
                case .money(let amount): String(format: "%.2f", amount)
                case .percent(let value): value.map { String(format: "%.2f", $0) } ?? ""
                case .count(let n): String(n)
                case .sparkline(let values): values.map { String(format: "%.2f", $0) }.joined(separator: " ")
                default: cell.render(now: now, ascii: true)
                }
            }
            out += ([row.id] + values).map(quoteCSV).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func table(rows: [PaneRow], columns: [PaneColumn], now: Date) -> String {
        let rendered = rows.map { row in row.cells.map { $0.render(now: now, ascii: true) } }
        var widths = columns.map { $0.title.count }
        for cells in rendered {
            for (i, cell) in cells.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            zip(cells, zip(widths, columns)).map { cell, spec in
                let padding = String(repeating: " ", count: max(0, spec.0 - cell.count))
                return spec.1.alignment == .right ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = line(columns.map(\.title)) + "\n"
        for cells in rendered { out += line(cells) + "\n" }
        return out
    }

    static func quoteJSON(_ text: String) -> String { JSONString.quote(text) }

    static func quoteCSV(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
