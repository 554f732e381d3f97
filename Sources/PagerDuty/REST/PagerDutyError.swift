import Foundation

/// Why a PagerDuty call failed, with what to do next. Never carries the token.
public enum PagerDutyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No answer: DNS, refused, reset or timed out, after the retries.
    case unreachable(host: String, reason: String)
    /// 401: the key is wrong or revoked.
    case unauthorized
    /// 403: the key may not do this (a read-only key writing, a user without the role).
    case forbidden(message: String)
    /// 404: no such incident (or not visible to this key).
    case notFound(incidentId: String)
    /// A write needs `From` and none is configured.
    case missingFromEmail
    /// Somebody else changed the incident first; `by` names them when PagerDuty says.
    case conflict(incidentId: String, status: String, by: String?)
    /// 429 after every retry.
    case rateLimited
    /// 400 or another 4xx that retrying cannot fix.
    case rejected(status: Int, message: String)
    /// 5xx after every retry.
    case server(status: Int, message: String)
    /// The answer was not PagerDuty's JSON.
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .unreachable(let host, let reason):
            "PagerDuty (\(host)) cannot be reached: \(reason); actions stay queued and are sent when it is back"
        case .unauthorized:
            "PagerDuty refused the API key (401): check pagerduty.token or PAGERDUTY_TOKEN"
        case .forbidden(let message):
            "PagerDuty refused the action (403: \(message)): a read-only key cannot change incidents; "
                + "use a full-access or user key"
        case .notFound(let id): "PagerDuty has no incident \(id) visible to this key"
        case .missingFromEmail:
            "PagerDuty needs the acting user's e-mail for changes: set pagerduty.user_email in the config"
        case .conflict(let id, let status, let by):
            "incident \(id) is already \(status)" + (by.map { " by \($0)" } ?? "")
        case .rateLimited: "PagerDuty rate limit reached (429); try again in a minute"
        case .rejected(let status, let message): "PagerDuty rejected the request (\(status)): \(message)"
        case .server(let status, let message):
            "PagerDuty failed (\(status)): \(message); try again later"
        case .invalidResponse(let what): "PagerDuty answered something unexpected: \(what)"
        }
    }

    /// Whether trying the same thing later may work (the queue keeps such actions).
    public var isTransient: Bool {
        switch self {
        case .unreachable, .rateLimited, .server: true
        default: false
        }
    }
}
