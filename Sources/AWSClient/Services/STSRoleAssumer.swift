/// Lets the credential chain assume roles through STS without knowing the client's
/// types (a wrapper rather than a conformance, so `STSClient`'s own calls stay unambiguous).
public struct STSRoleAssumer: RoleAssuming {
    public let client: STSClient

    public init(client: STSClient) { self.client = client }

    public func assumeRole(
        roleArn: String, sessionName: String, durationSeconds: Int?, externalId: String?,
        serialNumber: String?,
        tokenCode: String?, sourceIdentity: String?, tags: [String: String]
    ) async throws -> AssumedRoleCredentials {
        let role = try await client.assumeRole(
            roleArn: roleArn, sessionName: sessionName, durationSeconds: durationSeconds,
            externalId: externalId,
            serialNumber: serialNumber, tokenCode: tokenCode, sourceIdentity: sourceIdentity, tags: tags)
        return AssumedRoleCredentials(
            credentials: role.credentials, expiration: role.expiration, assumedRoleArn: role.assumedRoleArn)
    }

    public func assumeRoleWithWebIdentity(
        roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
    ) async throws -> AssumedRoleCredentials {
        let role = try await client.assumeRoleWithWebIdentity(
            roleArn: roleArn, sessionName: sessionName, webIdentityToken: webIdentityToken,
            durationSeconds: durationSeconds)
        return AssumedRoleCredentials(
            credentials: role.credentials, expiration: role.expiration, assumedRoleArn: role.assumedRoleArn)
    }
}
