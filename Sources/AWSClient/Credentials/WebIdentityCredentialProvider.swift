import Foundation

/// Trades an OIDC token from a file (EKS IRSA, GitHub Actions, ...) for role credentials
/// with AssumeRoleWithWebIdentity. The file is read again on every fetch, since the
/// platform rotates it.
struct WebIdentityCredentialProvider: CredentialProvider {
    var tokenFile: String
    var roleArn: String
    var sessionName: String?
    var makeAssumer: RoleAssumerFactory
    var environment: CredentialEnvironment
    var label: String

    func credentials() async throws -> ResolvedCredentials {
        let data: Data?
        do {
            data = try environment.readFile(tokenFile)
        } catch {
            throw CredentialError.webIdentityTokenUnreadable(path: tokenFile)
        }
        guard let data, let token = String(data: data, encoding: .utf8) else {
            throw CredentialError.webIdentityTokenUnreadable(path: tokenFile)
        }
        let assumed = try await makeAssumer(nil).assumeRoleWithWebIdentity(
            roleArn: roleArn,
            sessionName: sessionName ?? AssumeRoleCredentialProvider.defaultSessionName(environment.now()),
            webIdentityToken: token, durationSeconds: nil)
        return ResolvedCredentials(
            credentials: assumed.credentials, expiration: assumed.expiration, source: label)
    }
}
