/// The two STS calls the credential chain needs. The STS client conforms; the chain never
/// builds one itself, so it stays free of endpoints, signing and retries.
public protocol RoleAssuming: Sendable {
    /// STS AssumeRole, signed with the source credentials the assumer was made with.
    /// - Parameters:
    ///   - serialNumber: The MFA device (`mfa_serial`); sent with `tokenCode`.
    ///   - tokenCode: The six-digit MFA code.
    ///   - tags: Session tags; empty for profile-based roles.
    func assumeRole(
        roleArn: String, sessionName: String, durationSeconds: Int?, externalId: String?,
        serialNumber: String?,
        tokenCode: String?, sourceIdentity: String?, tags: [String: String]
    ) async throws -> AssumedRoleCredentials

    /// STS AssumeRoleWithWebIdentity, which is not signed: the token is the proof.
    func assumeRoleWithWebIdentity(
        roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
    ) async throws -> AssumedRoleCredentials
}

/// Makes an STS client that signs with the given credentials; nil means unsigned (for
/// AssumeRoleWithWebIdentity). The caller picks the region and endpoint.
public typealias RoleAssumerFactory =
    @Sendable (_ sourceCredentials: (any CredentialProvider)?) -> any RoleAssuming

/// Asks the user for the current code of an MFA device; the argument is `mfa_serial`.
/// The console shows a masked prompt; CLI commands take `--mfa-code` or ask on the terminal.
public typealias MFACodePrompt = @Sendable (_ mfaSerial: String) async throws -> String
