import Foundation

@testable import BreakGlass

enum AuditFixtures {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func request(_ index: Int, reason: String = "database failover in payments") -> AuditEntry {
        AuditEntry(
            time: start.addingTimeInterval(Double(index) * 60), event: .request, sessionId: "s\(index)",
            localUser: "alice", host: "bastion-1", sshClient: "203.0.113.9",
            caller: "arn:aws:iam::123456789012:user/alice", accountId: "210987654321",
            accountName: "payments-prod", roleName: "BreakGlassAdmin",
            roleArn: "arn:aws:iam::210987654321:role/breakglass/BreakGlassAdmin", reason: reason,
            ticket: "INC-\(index)", durationSeconds: 3600, sessionName: "alice-s\(index)")
    }

    /// A log at `directory/state/audit.jsonl` holding `count` entries.
    static func log(in directory: TemporaryDirectory, count: Int) throws -> AuditLog {
        let log = AuditLog(path: directory.path + "/state/opsdeck/audit.jsonl")
        for index in 1...count { try log.append(request(index)) }
        return log
    }

    static func lines(of log: AuditLog) throws -> [String] {
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    static func write(_ lines: [String], to log: AuditLog, trailingNewline: Bool = true) throws {
        let text = lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")
        try text.write(toFile: log.path, atomically: false, encoding: .utf8)
    }
}
