import Foundation

/// Durations as written in the config file: `60` (seconds), `"60s"`, `"2m"`, `"1h"`,
/// `"6h"`, `"1d"`, or combinations such as `"1h30m"`.
public enum ConfigDuration {
    /// The units a duration string may use, with their length in seconds.
    static let units: [(suffix: Character, seconds: Int64)] = [
        ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400),
    ]

    /// Parses a duration string; nil when it is not one. A bare number means seconds.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let seconds = Int64(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        var total: Int64 = 0
        var number = ""
        var lastUnit = Int64.max
        for character in trimmed {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int64(number),
                let unit = units.first(where: { $0.suffix == character })?.seconds,
                unit < lastUnit  // "1h30m" yes, "30m1h" or "1m1m" no
            else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
            lastUnit = unit
            number = ""
        }
        guard number.isEmpty else { return nil }
        return .seconds(total)
    }

    /// The shortest spelling that `parse` reads back: `"90s"`, `"2m"`, `"1h30m"`, `"6h"`.
    public static func format(_ duration: Duration) -> String {
        var remaining = duration.components.seconds
        guard remaining > 0 else { return "0s" }
        var text = ""
        for (suffix, seconds) in units.reversed() where remaining >= seconds {
            let count = remaining / seconds
            // 90s reads better than 1m30s; only split into units that divide evenly.
            if seconds > 1, remaining % seconds != 0, count < 2, text.isEmpty {
                continue
            }
            text += "\(count)\(suffix)"
            remaining -= count * seconds
        }
        return text
    }
}
