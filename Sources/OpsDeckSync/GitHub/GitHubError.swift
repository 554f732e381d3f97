import Foundation
import OpsDeckHTTP

/// Why reading a repository's workflow runs failed. Every message names the repository
/// and says what to do; none carries the token.
public enum GitHubError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 401: the token is wrong, expired or revoked (`tokenOrigin` says where it is set).
    case badCredentials(repository: String, apiURL: String, tokenOrigin: String?)
    /// 403 or 429 with `x-ratelimit-remaining: 0` (or a `retry-after`): the rate limit is
    /// used up until `resetsAt`.
    case rateLimited(repository: String, resetsAt: Date?, retryAfterSeconds: Int?, authenticated: Bool)
    /// 404: no such repository, or the token cannot see it.
    case notFound(repository: String, apiURL: String, authenticated: Bool)
    /// 403 for another reason (SSO not authorized, missing scope, ...), with GitHub's message.
    case forbidden(repository: String, message: String)
    /// Any other answer that is not a success.
    case http(repository: String, status: Int, message: String, requestId: String?)
    /// No answer at all.
    case transport(repository: String, TransportError)
    /// A success that could not be read, or a `Link` that leads off the API host.
    case invalidResponse(repository: String, reason: String)

    /// The repository the failed request was for.
    public var repository: String {
        switch self {
        case .badCredentials(let repository, _, _), .rateLimited(let repository, _, _, _),
            .notFound(let repository, _, _), .forbidden(let repository, _), .http(let repository, _, _, _),
            .transport(let repository, _), .invalidResponse(let repository, _):
            repository
        }
    }

    public var description: String {
        let reading = "Reading GitHub Actions runs of \(repository)"
        let setToken =
            "set OPSDECK_GITHUB_TOKEN (or GITHUB_TOKEN, or [github] token in the config file)"
        switch self {
        case .badCredentials(_, let apiURL, let origin?):
            return "\(reading) failed: \(apiURL) answered 401 Bad credentials for the token from \(origin). "
                + "It is wrong, expired or revoked: replace it there with a token that may read Actions "
                + "on the repository."
        case .badCredentials(_, let apiURL, nil):
            return "\(reading) failed: \(apiURL) answered 401 and wants a token: \(setToken)."
        case .rateLimited(_, let resetsAt, let retryAfter, let authenticated):
            var text = "\(reading) failed: GitHub's API rate limit is used up"
            if let resetsAt {
                text += "; it resets at \(Self.format(resetsAt))"
            } else if let retryAfter {
                text += "; retry after \(retryAfter) s"
            }
            text += ". The cache keeps the last runs read; refresh after that."
            if !authenticated {
                text += " Without a token GitHub allows 60 requests an hour: \(setToken)."
            }
            return text
        case .notFound(_, let apiURL, let authenticated):
            let who = authenticated ? "the token cannot see it" : "it is private and no token is set"
            return "\(reading) failed: \(apiURL) does not know the repository, or \(who). Check the name "
                + "in [github] repositories (owner/name) and the token's access."
        case .forbidden(_, let message):
            return "\(reading) failed: GitHub refused (403 \(message)). Check that the token may read "
                + "Actions on the repository (and is authorized for the organization's SSO)."
        case .http(_, let status, let message, let requestId):
            let id = requestId.map { " (request id \($0))" } ?? ""
            return "\(reading) failed: HTTP \(status) \(message)\(id). Retry later; if it persists, "
                + "check [github] api_url."
        case .transport(_, let error):
            return "\(reading) failed: \(error). Check the network, a proxy, or [github] api_url."
        case .invalidResponse(_, let reason):
            return "\(reading) failed: the answer could not be read: \(reason). Check [github] api_url."
        }
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
