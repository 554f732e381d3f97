import Foundation

/// Where and as whom the REST client talks to PagerDuty.
public struct PagerDutyRESTConfiguration: Sendable {
    /// The REST API key (account or user token). Never logged or shown.
    public var token: String
    /// `https://api.pagerduty.com` unless a test or an EU account points elsewhere.
    public var baseURL: URL
    /// Sent as `From` on every write; PagerDuty requires it for account-level keys.
    public var fromEmail: String?
    /// How long one request may take.
    public var timeout: Duration
    /// Page size for lists; PagerDuty allows up to 100.
    public var pageSize: Int
    /// PagerDuty refuses an `offset` at or past this; wider queries are split by time.
    public var offsetCap: Int

    /// Creates a configuration.
    public init(
        token: String, baseURL: URL, fromEmail: String? = nil, timeout: Duration = .seconds(30),
        pageSize: Int = 100, offsetCap: Int = 10_000
    ) {
        self.token = token
        self.baseURL = baseURL
        self.fromEmail = fromEmail
        self.timeout = timeout
        self.pageSize = pageSize
        self.offsetCap = offsetCap
    }
}
