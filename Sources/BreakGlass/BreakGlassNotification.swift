import Foundation

/// What is announced when a break-glass role is taken: who, where, why and until when.
/// Never the credentials: not even the access key id (the audit log keeps its last four).
public struct BreakGlassNotification: Sendable, Hashable, Codable {
    /// Always `breakglass.assumed`, so receivers can route on it.
    public var event = "breakglass.assumed"
    public var accountId: String
    /// The alias, else the account's name.
    public var accountName: String
    public var production: Bool
    public var roleName: String
    public var roleArn: String
    /// The STS role session name (what CloudTrail shows).
    public var sessionName: String
    /// The short id shared with the audit log's entries.
    public var sessionId: String
    /// `alice`.
    public var user: String
    /// The machine it was taken on.
    public var host: String
    public var reason: String
    public var ticket: String?
    /// When the session was taken and when it ends.
    public var assumedAt: Date
    public var expiresAt: Date

    /// The notification for a session just taken.
    public init(
        session: BreakGlassSession, request: BreakGlassRequest, identity: LocalIdentity, assumedAt: Date
    ) {
        let target = session.target
        accountId = target.accountId
        accountName = target.alias ?? target.accountName
        production = target.isProduction
        roleName = target.roleName
        roleArn = target.roleArn
        sessionName = session.sessionName
        sessionId = session.sessionId
        user = identity.user
        host = identity.host
        reason = request.trimmedReason
        ticket = request.trimmedTicket
        self.assumedAt = assumedAt
        expiresAt = session.expiration
    }

    /// The one-line subject (SNS allows at most 100 printable ASCII characters).
    public var subject: String {
        let text = "Break-glass: \(user) took \(roleName) in \(accountName)"
        return String(
            text.unicodeScalars.filter { $0.isASCII && $0.value >= 32 }.map(Character.init).prefix(100))
    }

    /// The human-readable text: SNS messages and PagerDuty notes.
    public var text: String {
        var lines = [
            "\(user)@\(host) assumed the break-glass role \(roleName) in \(accountName) (\(accountId))"
                + (production ? ", a PRODUCTION account." : "."),
            "Reason: \(reason)",
        ]
        if let ticket { lines.append("Ticket: \(ticket)") }
        lines.append(
            "Session \(sessionName) (audit id \(sessionId)) from \(AuditEntry.timestamp(assumedAt)) "
                + "until \(AuditEntry.timestamp(expiresAt)).")
        return lines.joined(separator: "\n")
    }

    /// The JSON a webhook receives: the fields above with ISO 8601 times, keys sorted.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    /// The audit entry recording that some notifications failed.
    public func failureEntry(_ failures: [String], durationSeconds: Int, at time: Date) -> AuditEntry {
        AuditEntry(
            time: time, event: .notification, sessionId: sessionId, localUser: user, host: host,
            accountId: accountId, accountName: accountName, roleName: roleName, roleArn: roleArn,
            reason: reason,
            ticket: ticket, durationSeconds: durationSeconds, sessionName: sessionName, expiration: expiresAt,
            error: failures.joined(separator: "; "))
    }
}
