import AWSClient
import Foundation

/// Runs one break-glass assumption: checks the request, records it in the audit log (and
/// refuses if that fails), calls STS with the session name, SourceIdentity, tags and MFA,
/// and records the outcome.
public struct BreakGlassAssumer: Sendable {
    /// The STS calls, signed with the user's source credentials.
    public var sts: any BreakGlassSTS
    /// Where every attempt is recorded.
    public var audit: AuditLog
    /// Who is at the keyboard.
    public var identity: LocalIdentity
    /// The region STS is called in (named in errors, handed to the subshell).
    public var region: String
    /// The clock (injected in tests).
    public var now: @Sendable () -> Date
    /// Makes the short id shared by the audit entries and the session name.
    public var makeSessionId: @Sendable () -> String

    /// Creates an assumer.
    public init(
        sts: any BreakGlassSTS, audit: AuditLog, identity: LocalIdentity, region: String,
        now: @escaping @Sendable () -> Date = { Date() },
        makeSessionId: @escaping @Sendable () -> String = BreakGlassAssumer.randomSessionId
    ) {
        self.sts = sts
        self.audit = audit
        self.identity = identity
        self.region = region
        self.now = now
        self.makeSessionId = makeSessionId
    }

    /// Eight lowercase hex characters.
    public static func randomSessionId() -> String {
        String(UInt32.random(in: 0...UInt32.max), radix: 16).leftPadded(to: 8)
    }

    /// The role session name: the local user and the session id, within STS's alphabet.
    public func sessionName(sessionId: String) -> String {
        let user = STSLimits.sessionName(identity.user)
        let room = STSLimits.maxSessionNameLength - sessionId.count - 1
        return STSLimits.sessionName(String(user.prefix(room)) + "-" + sessionId)
    }

    /// Assumes the role.
    /// - Returns: the session with its credentials.
    /// - Throws: `BreakGlassError`: a refusal before anything was recorded, `.auditFailed`
    ///   when the log could not be written (nothing assumed), `.stsFailed` after STS refused
    ///   (the failure is recorded).
    public func assume(_ request: BreakGlassRequest) async throws(BreakGlassError) -> BreakGlassSession {
        try request.validate()
        let target = request.target
        let caller = try? await sts.callerIdentity()
        if let caller, caller.arn.contains(":assumed-role/") {
            try SessionDuration.check(
                request.durationSeconds, roleMaximum: target.maxSessionDuration, callerIsAssumedRole: true,
                account: target.accountLabel, role: target.roleName)
        }
        let sessionId = makeSessionId()
        let sessionName = sessionName(sessionId: sessionId)
        let sourceIdentity = STSLimits.sessionName(identity.user)
        let entry = AuditEntry(
            time: now(), event: .request, sessionId: sessionId, localUser: identity.user, host: identity.host,
            sshClient: identity.sshClient, caller: caller?.arn, accountId: target.accountId,
            accountName: target.alias ?? target.accountName, roleName: target.roleName,
            roleArn: target.roleArn, reason: request.trimmedReason, ticket: request.trimmedTicket,
            durationSeconds: request.durationSeconds, sessionName: sessionName)
        do {
            try audit.append(entry)
        } catch {
            throw .auditFailed(account: target.accountLabel, role: target.roleName, error)
        }

        let assumed: STSAssumedRole
        do {
            assumed = try await sts.assumeRole(
                roleArn: target.roleArn, sessionName: sessionName, durationSeconds: request.durationSeconds,
                serialNumber: request.mfaSerial, tokenCode: request.mfaCode, sourceIdentity: sourceIdentity,
                tags: request.sessionTags)
        } catch {
            let message = "\(error)"
            do {
                try audit.append(entry.outcome(at: now(), error: message))
            } catch {
                throw .auditFailed(account: target.accountLabel, role: target.roleName, error)
            }
            throw .stsFailed(
                account: target.accountLabel, role: target.roleName, region: region, message: message)
        }
        do {
            try audit.append(
                entry.outcome(
                    at: now(), expiration: assumed.expiration, accessKeyId: assumed.credentials.accessKeyId))
        } catch {
            // Credentials whose use was not recorded are dropped: the session is refused.
            throw .auditFailed(account: target.accountLabel, role: target.roleName, error)
        }
        return BreakGlassSession(
            target: target, sessionId: sessionId, sessionName: sessionName, credentials: assumed.credentials,
            expiration: assumed.expiration, assumedRoleArn: assumed.assumedRoleArn, region: region)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
