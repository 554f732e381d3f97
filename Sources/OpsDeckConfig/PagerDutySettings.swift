/// The `[pagerduty]` section.
public struct PagerDutySettings: Sendable, Hashable {
    /// REST API token; nil leaves the PagerDuty source off.
    public var token: Secret?
    public var baseURL: String
    /// Sent as `From` when acknowledging or resolving, as PagerDuty requires.
    public var userEmail: String?
    /// Webhook v3 signing secrets; several, so a secret can be rotated.
    public var webhookSecrets: [Secret]

    public init(
        token: Secret? = nil, baseURL: String = "https://api.pagerduty.com",
        userEmail: String? = nil, webhookSecrets: [Secret] = []
    ) {
        self.token = token
        self.baseURL = baseURL
        self.userEmail = userEmail
        self.webhookSecrets = webhookSecrets
    }
}
