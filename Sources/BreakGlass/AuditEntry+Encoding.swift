import Crypto
import Foundation

extension AuditEntry {
    /// The hash the first entry of a log links to.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The fields as the log stores them (absent optionals are left out).
    public var fields: [String: CanonicalJSON.Value] {
        var object: [String: CanonicalJSON.Value] = [
            "seq": .integer(seq), "time": .string(Self.timestamp(time)), "event": .string(event.rawValue),
            "id": .string(sessionId), "user": .string(localUser), "host": .string(host),
            "account": .string(accountId), "role": .string(roleName), "roleArn": .string(roleArn),
            "reason": .string(reason), "duration": .integer(durationSeconds),
            "prev": .string(previousHash), "hash": .string(hash),
        ]
        let optional: [(String, String?)] = [
            ("ssh", sshClient), ("caller", caller), ("accountName", accountName), ("ticket", ticket),
            ("sessionName", sessionName), ("expires", expiration.map(Self.timestamp)),
            ("keySuffix", accessKeySuffix), ("error", error),
        ]
        for (key, value) in optional {
            if let value { object[key] = .string(value) }
        }
        return object
    }

    /// The line written to the log, without its newline.
    public var line: String { CanonicalJSON.encode(fields) }

    /// The hash over every field but `hash` itself.
    static func hash(of object: [String: CanonicalJSON.Value]) -> String {
        var content = object
        content["hash"] = nil
        let digest = SHA256.hash(data: Data(CanonicalJSON.encode(content).utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Rebuilds an entry from a decoded line; nil when a required field is missing or of the
    /// wrong kind.
    public init?(fields object: [String: CanonicalJSON.Value]) {
        func string(_ key: String) -> String? {
            if case .string(let value) = object[key] { return value }
            return nil
        }
        func integer(_ key: String) -> Int? {
            if case .integer(let value) = object[key] { return value }
            return nil
        }
        guard let seq = integer("seq"), let timeText = string("time"), let time = Self.date(timeText),
            let event = string("event").flatMap(AuditEvent.init(rawValue:)), let id = string("id"),
            let user = string("user"), let host = string("host"), let account = string("account"),
            let role = string("role"), let roleArn = string("roleArn"), let reason = string("reason"),
            let duration = integer("duration"), let prev = string("prev"), let hash = string("hash")
        else { return nil }
        self.init(
            time: time, event: event, sessionId: id, localUser: user, host: host, sshClient: string("ssh"),
            caller: string("caller"), accountId: account, accountName: string("accountName"),
            roleName: role, roleArn: roleArn, reason: reason, ticket: string("ticket"),
            durationSeconds: duration, sessionName: string("sessionName"),
            expiration: string("expires").flatMap(Self.date), accessKeySuffix: string("keySuffix"),
            error: string("error"), seq: seq, previousHash: prev, hash: hash)
    }

    /// UTC, millisecond precision, always the same length: `2026-11-24T07:05:29.123Z`.
    public static func timestamp(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = Int(millis - seconds * 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds))
        )
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T"
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(fraction, 3))Z"
    }

    /// Parses a timestamp as `timestamp(_:)` writes it (fraction optional).
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
