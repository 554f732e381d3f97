/// Why the webhook receiver would not start, with what to do.
public enum WebhookServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    case configReadableByOthers(path: String, mode: Int)
    case noSecrets

    public var description: String {
        switch self {
        case .configReadableByOthers(let path, let mode):
            "\(path) holds webhook secrets but other users can read it (mode \(String(mode, radix: 8))); "
                + "run: chmod 600 \(path)"
        case .noSecrets:
            "no PagerDuty webhook secret is configured; set [pagerduty] webhook_secrets in the config file "
                + "(mode 0600) or \(WebhookService.secretsVariable) (comma-separated)"
        }
    }
}
