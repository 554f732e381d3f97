import Foundation

/// PagerDuty's ISO 8601 timestamps (`2026-11-24T07:00:00Z`, sometimes with fractions).
enum PagerDutyDate {
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: fractional)
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
