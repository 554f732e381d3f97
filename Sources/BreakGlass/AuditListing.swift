import Foundation

/// `opsdeck audit list`: the entries as a table for people or JSON for scripts.
public enum AuditListing {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case table
        case json
    }

    /// Reads `--since`: a relative age (`30m`, `24h`, `7d`, `2w`), a day (`2026-11-24`, UTC)
    /// or a timestamp (`2026-11-24T07:00:00Z`).
    /// - Returns: the earliest time to list, or nil when the text is none of these.
    public static func since(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let amount = Int(trimmed.dropLast()), amount >= 0 {
            let seconds: Int? =
                switch unit {
                case "s": 1
                case "m": 60
                case "h": 3600
                case "d": 86_400
                case "w": 604_800
                default: nil
                }
            if let seconds { return now.addingTimeInterval(-Double(amount * seconds)) }
        }
        if let date = AuditEntry.date(trimmed) { return date }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: trimmed)
    }

    /// The entries in `format`, ending with a newline.
    public static func render(_ entries: [AuditEntry], format: Format) -> String {
        switch format {
        case .json:
            guard !entries.isEmpty else { return "[]\n" }
            return "[\n" + entries.map { "  " + $0.line }.joined(separator: ",\n") + "\n]\n"
        case .table:
            return table(entries)
        }
    }

    private static func table(_ entries: [AuditEntry]) -> String {
        let header = ["TIME", "EVENT", "USER", "ACCOUNT", "ROLE", "DURATION", "TICKET", "DETAIL"]
        let rows = entries.map { entry -> [String] in
            let detail: String
            switch entry.event {
            case .request: detail = entry.reason
            case .success:
                let expiry = entry.expiration.map(AuditEntry.timestamp) ?? "?"
                detail = "expires \(expiry), key ...\(entry.accessKeySuffix ?? "?")"
            case .failure: detail = entry.error ?? "failed"
            case .notification: detail = "not announced: " + (entry.error ?? "?")
            }
            let account = entry.accountName.map { "\(entry.accountId) (\($0))" } ?? entry.accountId
            return [
                String(AuditEntry.timestamp(entry.time).prefix(19)).replacingOccurrences(of: "T", with: " "),
                entry.event.rawValue, entry.localUser + "@" + entry.host, account, entry.roleName,
                duration(entry.durationSeconds), entry.ticket ?? "-", oneLine(detail),
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated().dropLast() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func format(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index == row.count - 1
                    ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([format(header)] + rows.map(format)).joined(separator: "\n") + "\n"
    }

    /// `1h`, `90m`, `1h30m`.
    public static func duration(_ seconds: Int) -> String {
        let hours = seconds / 3600
        let minutes = (seconds % 3600) / 60
        let rest = seconds % 60
        if rest != 0 { return "\(seconds)s" }
        if hours == 0 { return "\(minutes)m" }
        return minutes == 0 ? "\(hours)h" : "\(hours)h\(minutes)m"
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
