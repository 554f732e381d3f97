import Foundation
import TerminalKit

/// The console's Audit view: the break-glass audit log, newest first, with the result of
/// the hash-chain check on top. Rows come from the BreakGlass module (mapped in OpsDeckApp),
/// so this stays free of file access.
public struct AuditView: Sendable, Hashable {
    /// One audit entry as the view shows it.
    public struct Row: Sendable, Hashable {
        public var time: Date
        /// `request`, `success` or `failure`.
        public var event: String
        /// `alice@bastion-1`.
        public var who: String
        /// `payments-prod (123456789012)`.
        public var account: String
        public var role: String
        /// The reason (request), the expiry (success) or the error (failure).
        public var detail: String

        public init(time: Date, event: String, who: String, account: String, role: String, detail: String) {
            self.time = time
            self.event = event
            self.who = who
            self.account = account
            self.role = role
            self.detail = detail
        }
    }

    /// The entries, oldest first (as in the file).
    public var rows: [Row]
    /// What `opsdeck audit verify` would report; empty when the chain is intact.
    public var problems: [String]
    /// The first row shown (0: the newest).
    public var scroll: Int

    public init(rows: [Row], problems: [String], scroll: Int = 0) {
        self.rows = rows
        self.problems = problems
        self.scroll = scroll
    }

    /// The line above the table.
    public var summary: String {
        if problems.isEmpty { return "Audit log: \(rows.count) entries, hash chain intact" }
        return "Audit log: \(problems.count) problem(s), run `opsdeck audit verify`: \(problems[0])"
    }

    /// Draws the summary, a header and the rows newest first into `area`.
    /// - Parameter warning: the paint of a damaged-chain summary and of failures.
    public func draw(
        into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs, header: Paint = .plain,
        warning: Paint = .plain
    ) {
        guard area.width > 0, area.height > 0 else { return }
        buffer.fill(area, paint: .plain)
        buffer.write(
            summary, x: area.x, y: area.y, width: area.width, paint: problems.isEmpty ? .plain : warning,
            ellipsis: glyphs.ellipsis)
        guard area.height > 1 else { return }
        let columns = [("TIME (UTC)", 19), ("EVENT", 8), ("WHO", 18), ("ACCOUNT", 28), ("ROLE", 20)]
        func line(_ cells: [String], y: Int, paint: Paint) {
            var x = area.x
            for (index, cell) in cells.enumerated() {
                let width =
                    index < columns.count ? columns[index].1 : max(0, area.x + area.width - x)
                let clipped = min(width, area.x + area.width - x)
                guard clipped > 0 else { return }
                buffer.write(cell, x: x, y: y, width: clipped, paint: paint, ellipsis: glyphs.ellipsis)
                x += width + 1
            }
        }
        line(columns.map(\.0) + ["DETAIL"], y: area.y + 1, paint: header)
        let newestFirst = Array(rows.reversed().dropFirst(max(0, scroll)))
        for (offset, row) in newestFirst.prefix(max(0, area.height - 2)).enumerated() {
            line(
                [Self.timestamp(row.time), row.event, row.who, row.account, row.role, row.detail],
                y: area.y + 2 + offset, paint: row.event == "failure" ? warning : .plain)
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
