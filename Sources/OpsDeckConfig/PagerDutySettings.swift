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

    /// PagerDuty's own variable, also read (after `OPSDECK_PAGERDUTY_TOKEN`).
    public static let tokenVariable = "PAGERDUTY_TOKEN"

    /// The REST token in effect: `OPSDECK_PAGERDUTY_TOKEN` (already applied by the
    /// loader), then `PAGERDUTY_TOKEN`, then the file's `token`.
    public func resolvedToken(env: [String: String]) -> Secret? {
        if let opsdeck = env[ConfigLoader.pagerDutyTokenVariable], !opsdeck.isEmpty { return Secret(opsdeck) }
        if let plain = env[Self.tokenVariable], !plain.isEmpty { return Secret(plain) }
        return token
    }
}
