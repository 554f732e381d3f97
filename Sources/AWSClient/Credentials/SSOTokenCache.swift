import Foundation

/// Finds the access token `aws sso login` cached under `~/.aws/sso/cache/`.
///
/// The file name is the SHA-1 hex of the `sso_session` name, or of `sso_start_url` for
/// legacy profiles that have no session; the file holds `accessToken` and `expiresAt`.
/// Tokens are only read here: refreshing one needs `aws sso login`.
struct SSOTokenCache: Sendable {
    struct Token: Sendable {
        var accessToken: String
        var expiresAt: Date
    }

    var environment: CredentialEnvironment

    /// `~/.aws/sso/cache/<sha1>.json` for a session name, or for a start URL without one.
    func cacheFilePath(sessionName: String?, startURL: String) -> String {
        environment.expandPath("~/.aws/sso/cache/\(SHA1.hexDigest(sessionName ?? startURL)).json")
    }

    /// The cached token, checked for expiry.
    /// - Throws: `CredentialError.ssoTokenMissing`, `.ssoTokenInvalid` or `.ssoTokenExpired`,
    ///   each telling the user to run `aws sso login --profile <profile>`.
    func token(sessionName: String?, startURL: String, profile: String) throws -> Token {
        let path = cacheFilePath(sessionName: sessionName, startURL: startURL)
        guard let data = try environment.readFile(path) else {
            throw CredentialError.ssoTokenMissing(profile: profile, cacheFile: path)
        }
        func invalid(_ problem: String) -> CredentialError {
            .ssoTokenInvalid(profile: profile, cacheFile: path, problem: problem)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw invalid("not a JSON object")
        }
        guard let accessToken = object["accessToken"] as? String, !accessToken.isEmpty else {
            throw invalid("no accessToken")
        }
        guard let expiresText = object["expiresAt"] as? String else {
            throw invalid("no expiresAt")
        }
        guard let expiresAt = CredentialTimestamp.parse(expiresText) else {
            throw invalid("expiresAt is not a timestamp")
        }
        guard expiresAt > environment.now() else {
            throw CredentialError.ssoTokenExpired(profile: profile, expiredAt: expiresAt)
        }
        return Token(accessToken: accessToken, expiresAt: expiresAt)
    }
}
