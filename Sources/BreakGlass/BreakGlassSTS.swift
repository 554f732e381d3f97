import AWSClient

/// The two STS calls a break-glass assumption makes; `LiveBreakGlassSTS` is the real one.
public protocol BreakGlassSTS: Sendable {
    /// Who the source credentials belong to.
    func callerIdentity() async throws -> STSCallerIdentity

    /// STS AssumeRole with MFA, SourceIdentity and session tags.
    func assumeRole(
        roleArn: String, sessionName: String, durationSeconds: Int, serialNumber: String?, tokenCode: String?,
        sourceIdentity: String, tags: [String: String]
    ) async throws -> STSAssumedRole
}

/// `BreakGlassSTS` over AWSClient's `STSClient`.
public struct LiveBreakGlassSTS: BreakGlassSTS {
    /// The client, signing with the user's source credentials.
    public var client: STSClient

    /// Wraps a client.
    public init(client: STSClient) {
        self.client = client
    }

    public func callerIdentity() async throws -> STSCallerIdentity {
        try await client.getCallerIdentity()
    }

    public func assumeRole(
        roleArn: String, sessionName: String, durationSeconds: Int, serialNumber: String?, tokenCode: String?,
        sourceIdentity: String, tags: [String: String]
    ) async throws -> STSAssumedRole {
        try await client.assumeRole(
            roleArn: roleArn, sessionName: sessionName, durationSeconds: durationSeconds, externalId: nil,
            serialNumber: serialNumber, tokenCode: tokenCode, sourceIdentity: sourceIdentity, tags: tags)
    }
}
