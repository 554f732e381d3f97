import AWSSigV4
import Foundation

/// AWS STS: who am I, and temporary credentials for a role.
public struct STSClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// Who the credentials belong to.
    /// - Throws: `AWSClientError`.
    public func getCallerIdentity() async throws(AWSClientError) -> STSCallerIdentity {
        let action = "GetCallerIdentity"
        let result = try await core.query(.sts, action: action)
        guard let account = result.string("Account"), let arn = result.string("Arn") else {
            throw .invalidResponse(
                context: core.context(.sts, operation: action), reason: "no Account or Arn in the answer",
                requestId: nil)
        }
        return STSCallerIdentity(account: account, arn: arn, userId: result.string("UserId") ?? "")
    }

    /// Temporary credentials for `roleArn`.
    ///
    /// - Parameters:
    ///   - roleArn: the role to assume.
    ///   - sessionName: the session name CloudTrail records (2-64 of `[\w+=,.@-]`).
    ///   - durationSeconds: the session length; the role's maximum caps it.
    ///   - externalId: the external id the trust policy asks for.
    ///   - serialNumber: the MFA device's ARN or serial, with `tokenCode`.
    ///   - tokenCode: the current MFA code.
    ///   - sourceIdentity: the source identity to stamp on the session.
    ///   - tags: session tags, sent in key order.
    /// - Throws: `AWSClientError`.
    public func assumeRole(
        roleArn: String, sessionName: String, durationSeconds: Int? = nil, externalId: String? = nil,
        serialNumber: String? = nil, tokenCode: String? = nil, sourceIdentity: String? = nil,
        tags: [String: String] = [:]
    ) async throws(AWSClientError) -> STSAssumedRole {
        var parameters = QueryParameters()
        parameters.set("RoleArn", roleArn)
        parameters.set("RoleSessionName", sessionName)
        parameters.set("DurationSeconds", durationSeconds)
        parameters.set("ExternalId", externalId)
        parameters.set("SerialNumber", serialNumber)
        parameters.set("TokenCode", tokenCode)
        parameters.set("SourceIdentity", sourceIdentity)
        parameters.setStructureList("Tags", tags.sorted { $0.key < $1.key }) { tag, prefix, parameters in
            parameters.set("\(prefix).Key", tag.key)
            parameters.set("\(prefix).Value", tag.value)
        }
        let result = try await core.query(.sts, action: "AssumeRole", parameters: parameters)
        var role = try assumedRole(from: result, operation: "AssumeRole")
        role.packedPolicySize = result.int("PackedPolicySize")
        return role
    }

    /// Temporary credentials for `roleArn` in exchange for an OIDC token (EKS, GitHub
    /// Actions). Sent unsigned, as AWS takes it: the caller has no credentials yet.
    /// - Throws: `AWSClientError`.
    public func assumeRoleWithWebIdentity(
        roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int? = nil
    ) async throws(AWSClientError) -> STSAssumedRole {
        var parameters = QueryParameters()
        parameters.set("RoleArn", roleArn)
        parameters.set("RoleSessionName", sessionName)
        parameters.set("WebIdentityToken", webIdentityToken)
        parameters.set("DurationSeconds", durationSeconds)
        let action = "AssumeRoleWithWebIdentity"
        let result = try await core.query(.sts, action: action, parameters: parameters, signed: false)
        var role = try assumedRole(from: result, operation: action)
        role.subjectFromWebIdentityToken = result.string("SubjectFromWebIdentityToken")
        role.audience = result.string("Audience")
        role.provider = result.string("Provider")
        return role
    }

    private func assumedRole(from result: XMLNode, operation: String) throws(AWSClientError) -> STSAssumedRole
    {
        guard let credentials = result.child("Credentials"),
            let accessKeyId = credentials.string("AccessKeyId"),
            let secret = credentials.string("SecretAccessKey"),
            let expiration = credentials.date("Expiration")
        else {
            throw .invalidResponse(
                context: core.context(.sts, operation: operation),
                reason: "no complete Credentials (AccessKeyId, SecretAccessKey, Expiration) in the answer",
                requestId: nil)
        }
        let user = result.child("AssumedRoleUser")
        return STSAssumedRole(
            credentials: AWSCredentials(
                accessKeyId: accessKeyId, secretAccessKey: secret,
                sessionToken: credentials.string("SessionToken")),
            expiration: expiration, assumedRoleArn: user?.string("Arn") ?? "",
            assumedRoleId: user?.string("AssumedRoleId") ?? "",
            sourceIdentity: result.string("SourceIdentity"))
    }
}
