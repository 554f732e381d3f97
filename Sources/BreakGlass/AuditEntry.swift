import Foundation

/// One line of the break-glass audit log. Nothing secret is ever stored: of the access key
/// only its last four characters, never the secret, the session token or the MFA code.
public struct AuditEntry: Sendable, Hashable {
    /// 1 for the first entry of a log, then one more for each line.
    public var seq: Int
    /// When the entry was written.
    public var time: Date
    /// Request or outcome.
    public var event: AuditEvent
    /// A short id shared by a request and its outcome (also in the STS session name).
    public var sessionId: String
    /// The local user name (`$USER`, else the account name of the process owner).
    public var localUser: String
    /// The host the assumption was made from.
    public var host: String
    /// The SSH client address (from `SSH_CLIENT` / `SSH_CONNECTION`), when there is one.
    public var sshClient: String?
    /// The ARN of the AWS identity that called STS, when it was known.
    public var caller: String?
    /// The target account id.
    public var accountId: String
    /// The target account's name or alias, as the cache knew it.
    public var accountName: String?
    /// The role name.
    public var roleName: String
    /// The role ARN.
    public var roleArn: String
    /// Why the role was assumed.
    public var reason: String
    /// The ticket or incident id.
    public var ticket: String?
    /// The requested session length, in seconds.
    public var durationSeconds: Int
    /// The STS role session name.
    public var sessionName: String?
    /// When the session expires (success only).
    public var expiration: Date?
    /// The last four characters of the temporary access key id (success only).
    public var accessKeySuffix: String?
    /// What went wrong (failure only).
    public var error: String?
    /// The hash of the entry before (64 zeros for the first entry).
    public var previousHash: String
    /// The SHA-256 of this entry's canonical encoding without this field.
    public var hash: String

    /// Creates an entry; `AuditLog.append` fills in `seq`, `previousHash` and `hash`.
    public init(
        time: Date, event: AuditEvent, sessionId: String, localUser: String, host: String,
        sshClient: String? = nil, caller: String? = nil, accountId: String, accountName: String? = nil,
        roleName: String, roleArn: String, reason: String, ticket: String? = nil, durationSeconds: Int,
        sessionName: String? = nil, expiration: Date? = nil, accessKeySuffix: String? = nil,
        error: String? = nil, seq: Int = 0, previousHash: String = "", hash: String = ""
    ) {
        self.seq = seq
        self.time = time
        self.event = event
        self.sessionId = sessionId
        self.localUser = localUser
        self.host = host
        self.sshClient = sshClient
        self.caller = caller
        self.accountId = accountId
        self.accountName = accountName
        self.roleName = roleName
        self.roleArn = roleArn
        self.reason = reason
        self.ticket = ticket
        self.durationSeconds = durationSeconds
        self.sessionName = sessionName
        self.expiration = expiration
        self.accessKeySuffix = accessKeySuffix
        self.error = error
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The same entry as the outcome of this request.
    /// - Parameters:
    ///   - time: when the outcome was known.
    ///   - expiration: the session's expiry, on success.
    ///   - accessKeyId: the temporary key id; only its last four characters are kept.
    ///   - error: what went wrong, on failure.
    public func outcome(
        at time: Date, expiration: Date? = nil, accessKeyId: String? = nil, error: String? = nil
    ) -> AuditEntry {
        var entry = self
        entry.time = time
        entry.event = error == nil ? .success : .failure
        entry.expiration = expiration
        entry.accessKeySuffix = accessKeyId.map { String($0.suffix(4)) }
        entry.error = error
        entry.seq = 0
        entry.previousHash = ""
        entry.hash = ""
        return entry
    }
}
