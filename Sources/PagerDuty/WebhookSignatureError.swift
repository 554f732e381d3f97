/// Why a delivery's signature was refused. The messages never include a secret or the
/// expected signature.
public enum WebhookSignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `X-PagerDuty-Signature` header (answered 400).
    case missing
    /// The header has no well-formed `v1=<64 hex digits>` entry (answered 400).
    case malformed
    /// No entry matches any configured secret (answered 403).
    case mismatch

    public var description: String {
        switch self {
        case .missing:
            "the delivery has no X-PagerDuty-Signature header; only signed PagerDuty v3 webhooks are accepted"
        case .malformed:
            "the X-PagerDuty-Signature header has no well-formed v1=<hex> entry"
        case .mismatch:
            "the signature matches none of the configured webhook secrets; check [pagerduty] webhook_secrets "
                + "or OPSDECK_PAGERDUTY_WEBHOOK_SECRETS against the subscription's secret"
        }
    }

    /// A short label for metrics (`rejected_total{reason=...}`).
    public var reason: String {
        switch self {
        case .missing: "signature_missing"
        case .malformed: "signature_malformed"
        case .mismatch: "signature_mismatch"
        }
    }
}
