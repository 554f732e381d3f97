import AWSSigV4
import Foundation

/// Temporary credentials from `AssumeRole` or `AssumeRoleWithWebIdentity`. The secret and
/// token stay hidden when printed (`AWSCredentials` redacts them).
public struct STSAssumedRole: Sendable, Equatable {
    /// The temporary key pair and session token.
    public var credentials: AWSCredentials
    /// When the credentials stop working.
    public var expiration: Date
    /// The session's ARN (`arn:aws:sts::123456789012:assumed-role/Role/session`).
    public var assumedRoleArn: String
    /// The session's id (`AROA...:session`).
    public var assumedRoleId: String
    /// The source identity set on the session, if any.
    public var sourceIdentity: String?
    /// The share of the session policy size limit used, in percent (`AssumeRole` only).
    public var packedPolicySize: Int?
    /// The subject of the web identity token (`AssumeRoleWithWebIdentity` only).
    public var subjectFromWebIdentityToken: String?
    /// The audience of the web identity token (`AssumeRoleWithWebIdentity` only).
    public var audience: String?
    /// The identity provider (`AssumeRoleWithWebIdentity` only).
    public var provider: String?

    /// Creates an assumed-role result.
    public init(
        credentials: AWSCredentials, expiration: Date, assumedRoleArn: String, assumedRoleId: String,
        sourceIdentity: String? = nil, packedPolicySize: Int? = nil,
        subjectFromWebIdentityToken: String? = nil,
        audience: String? = nil, provider: String? = nil
    ) {
        self.credentials = credentials
        self.expiration = expiration
        self.assumedRoleArn = assumedRoleArn
        self.assumedRoleId = assumedRoleId
        self.sourceIdentity = sourceIdentity
        self.packedPolicySize = packedPolicySize
        self.subjectFromWebIdentityToken = subjectFromWebIdentityToken
        self.audience = audience
        self.provider = provider
    }

    /// The account of the assumed role, read from its ARN.
    public var accountId: String? { AWSARN.accountId(of: assumedRoleArn) }

    /// The credentials as a provider hands them out, labelled with `source`.
    public func resolved(source: String) -> ResolvedCredentials {
        ResolvedCredentials(credentials: credentials, expiration: expiration, source: source)
    }
}
