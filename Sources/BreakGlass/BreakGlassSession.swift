import AWSSigV4
import Foundation

/// An active break-glass session: the temporary credentials and what they are for. The
/// secret and token stay redacted when printed (`AWSCredentials` hides them).
public struct BreakGlassSession: Sendable, Equatable {
    /// The account and role.
    public var target: BreakGlassTarget
    /// The short id shared by the audit entries and the session name.
    public var sessionId: String
    /// The STS role session name.
    public var sessionName: String
    /// The temporary credentials.
    public var credentials: AWSCredentials
    /// When they stop working.
    public var expiration: Date
    /// The assumed-role session ARN.
    public var assumedRoleArn: String
    /// The region STS was called in, handed on to the subshell.
    public var region: String

    /// Creates a session.
    public init(
        target: BreakGlassTarget, sessionId: String, sessionName: String, credentials: AWSCredentials,
        expiration: Date, assumedRoleArn: String, region: String
    ) {
        self.target = target
        self.sessionId = sessionId
        self.sessionName = sessionName
        self.credentials = credentials
        self.expiration = expiration
        self.assumedRoleArn = assumedRoleArn
        self.region = region
    }

    /// `breakglass:payments-prod/BreakGlassAdmin`, for prompts and the header.
    public var label: String { "breakglass:\(target.alias ?? target.accountName)/\(target.roleName)" }
}
