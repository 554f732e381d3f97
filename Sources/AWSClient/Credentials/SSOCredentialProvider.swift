import AWSSigV4
import Foundation
import OpsDeckHTTP

/// Exchanges the cached IAM Identity Center (SSO) token for role credentials with
/// GetRoleCredentials. It never starts a login: an expired token is an error telling the
/// user to run `aws sso login`.
struct SSOCredentialProvider: CredentialProvider {
    var configuration: SSOConfiguration
    /// The portal endpoint, e.g. `https://portal.sso.eu-west-1.amazonaws.com`.
    var endpoint: URL
    var environment: CredentialEnvironment
    var timeout: Duration = .seconds(15)

    /// `https://portal.sso.{region}.amazonaws.com` (`.com.cn` in China).
    static func defaultEndpoint(region: String) -> URL? {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return URL(string: "https://portal.sso.\(region).\(suffix)")
    }

    var label: String {
        "profile \(configuration.profile) (SSO account \(configuration.accountId), "
            + "role \(configuration.roleName))"
    }

    func credentials() async throws -> ResolvedCredentials {
        let token = try SSOTokenCache(environment: environment).token(
            sessionName: configuration.sessionName, startURL: configuration.startURL,
            profile: configuration.profile)
        let request = HTTPRequest(
            method: "GET", url: try requestURL(),
            headers: [("x-amz-sso_bearer_token", token.accessToken), ("Accept", "application/json")])
        let response: HTTPResponse
        do {
            response = try await environment.transport.send(request, timeout: timeout)
        } catch {
            throw CredentialError.fetchFailed(source: "SSO GetRoleCredentials", problem: "\(error)")
        }
        switch response.status {
        case 200:
            return try decode(response.body)
        case 401:
            throw CredentialError.ssoUnauthorized(profile: configuration.profile)
        default:
            throw CredentialError.fetchFailed(
                source: "SSO GetRoleCredentials for account \(configuration.accountId) role "
                    + configuration.roleName,
                problem: "HTTP \(response.status)\(Self.errorMessage(response.body))")
        }
    }

    private func requestURL() throws -> URL {
        let base =
            endpoint.absoluteString.hasSuffix("/")
            ? String(endpoint.absoluteString.dropLast()) : endpoint.absoluteString
        let query =
            "account_id=\(AWSURIEncoding.encode(configuration.accountId))"
            + "&role_name=\(AWSURIEncoding.encode(configuration.roleName))"
        guard let url = URL(string: "\(base)/federation/credentials?\(query)") else {
            throw CredentialError.fetchFailed(source: "SSO", problem: "invalid endpoint \(endpoint)")
        }
        return url
    }

    private func decode(_ body: Data) throws -> ResolvedCredentials {
        func invalid(_ problem: String) -> CredentialError {
            .fetchFailed(source: "SSO GetRoleCredentials", problem: problem)
        }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let role = object["roleCredentials"] as? [String: Any]
        else { throw invalid("the answer has no roleCredentials") }
        guard let accessKeyId = role["accessKeyId"] as? String,
            let secretAccessKey = role["secretAccessKey"] as? String
        else { throw invalid("roleCredentials lack accessKeyId or secretAccessKey") }
        guard let milliseconds = (role["expiration"] as? NSNumber)?.doubleValue else {
            throw invalid("roleCredentials lack expiration")
        }
        return ResolvedCredentials(
            credentials: AWSCredentials(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey,
                sessionToken: role["sessionToken"] as? String),
            expiration: Date(timeIntervalSince1970: milliseconds / 1000), source: label)
    }

    /// `: message` from an AWS REST-JSON error body, or nothing.
    static func errorMessage(_ body: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let message = (object["message"] ?? object["Message"]) as? String
        else { return "" }
        return ": \(message.prefix(200))"
    }
}
