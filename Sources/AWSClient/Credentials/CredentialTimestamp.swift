import Foundation

/// Reads and writes the timestamps credential sources use: ISO 8601 in UTC or with an
/// offset (`2024-05-01T10:00:00Z`, `...T10:00:00.123+02:00`, and the `...UTC` suffix that
/// older `aws sso login` versions wrote).
enum CredentialTimestamp {
    /// Parses a timestamp; nil when it is not one. A time without a zone is taken as UTC.
    static func parse(_ text: String) -> Date? {
        var scanner = Scanner(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2),
            scanner.take("-"), let day = scanner.digits(2)
        else { return nil }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" ") else { return nil }
        guard let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2),
            scanner.take(":"), let second = scanner.digits(2)
        else { return nil }
        var fraction = 0.0
        if scanner.take(".") || scanner.take(",") {
            var scale = 0.1
            var sawDigit = false
            while let digit = scanner.digits(1) {
                fraction += Double(digit) * scale
                scale /= 10
                sawDigit = true
            }
            guard sawDigit else { return nil }
        }
        guard let offset = scanner.zoneOffset(), scanner.atEnd else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else {
            return nil
        }
        let days = AWSTimestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + fraction - Double(offset)
        return Date(timeIntervalSince1970: seconds)
    }

    /// Formats a date as `2024-05-01T10:00:00Z`.
    static func format(_ date: Date) -> String { AWSTimestamp.formatISO8601(date) }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ literal: String) -> Bool {
            let expected = Array(literal.utf8)
            guard position + expected.count <= bytes.count,
                Array(bytes[position..<position + expected.count]) == expected
            else { return false }
            position += expected.count
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }

        /// The zone as seconds east of UTC; 0 for none, `Z` or `UTC`.
        mutating func zoneOffset() -> Int? {
            if atEnd || take("Z") || take("z") || take("UTC") || take(" UTC") { return 0 }
            let sign: Int
            if take("+") {
                sign = 1
            } else if take("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = digits(2) else { return nil }
            _ = take(":")
            let minutes = digits(2) ?? 0
            return sign * (hours * 3_600 + minutes * 60)
        }
    }
}
