import Foundation
import OpsDeckCore

/// What a table cell holds. Time-relative values are rendered at draw time for the
/// visible rows only, so the clock ticking never rebuilds 20,000 rows.
public enum CellValue: Sendable, Hashable {
    case text(String)
    /// Shown as an age such as `4m`; sorts by the date.
    case age(Date)
    /// A finished duration.
    case duration(TimeInterval)
    /// A duration still running since the date.
    case running(since: Date)
    case money(Double)
    /// A signed change in percent; nil shows as `-`.
    case percent(Double?)
    case count(Int)
    /// Daily values drawn as a small sparkline.
    case sparkline([Double])
    case empty

    /// The text to show, given the current time.
    public func render(now: Date, ascii: Bool = false) -> String {
        switch self {
        case .text(let text): text
        case .age(let date): Staleness.shortAge(now.timeIntervalSince(date))
        case .duration(let seconds): Self.formatDuration(seconds)
        case .running(let since): Self.formatDuration(now.timeIntervalSince(since)) + "…"
        case .money(let amount): Self.formatMoney(amount)
        case .percent(let value): value.map(Self.formatPercent) ?? "-"
        case .count(let n): n == 0 ? "-" : String(n)
        case .sparkline(let values): SparkText.render(values, width: min(values.count, 12), ascii: ascii)
        case .empty: ""
        }
    }

    /// Text that `/` filters on; time-relative values are left out.
    public var searchText: String? {
        switch self {
        case .text(let text): text
        case .money(let amount): Self.formatMoney(amount)
        case .count(let n): String(n)
        default: nil
        }
    }

    /// How the column sorts.
    public var sortKey: SortKey {
        switch self {
        case .text(let text): .text(text)
        case .age(let date): .number(-date.timeIntervalSinceReferenceDate)
        case .duration(let seconds): .number(seconds)
        case .running(let since): .number(-since.timeIntervalSinceReferenceDate)
        case .money(let amount): .number(amount)
        case .percent(let value): .number(value ?? -.infinity)
        case .count(let n): .number(Double(n))
        case .sparkline(let values): .number(values.last ?? 0)
        case .empty: .text("")
        }
    }

    public static func formatDuration(_ seconds: TimeInterval) -> String {
        let s = Staleness.wholeSeconds(seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m"
    }

    public static func formatMoney(_ amount: Double) -> String {
        guard amount.isFinite, abs(amount) < 1e15 else {
            return amount.isNaN ? "-" : (amount < 0 ? "-$∞" : "$∞")
        }
        let rounded = Int((abs(amount) * 100).rounded())
        let whole = rounded / 100
        let cents = rounded % 100
        // Cost Explorer returns tiny negative amounts; `-$0.00` would only confuse.
        let negative = amount < 0 && rounded > 0
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (negative ? "-$" : "$") + digits + grouped + "." + String(format: "%02d", cents)
    }

    public static func formatPercent(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0.0%" }
        return (tenths > 0 ? "+" : "") + String(format: "%.1f%%", tenths / 10)
    }
}

/// A comparable key for sorting a column: numbers before text.
public enum SortKey: Sendable, Hashable, Comparable {
    case number(Double)
    case text(String)

    public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a < b
        // Not a locale's compare: that cost 300 ms sorting 20,000 roles.
        case (.text(let a), .text(let b)): NaturalOrder.less(a, b)
        case (.number, .text): true
        case (.text, .number): false
        }
    }
}
