/// Why the receiver could not start.
public enum WebhookReceiverError: Error, Sendable, Hashable, CustomStringConvertible {
    case badAddress(String)
    case cannotListen(address: String, reason: String)
    case noSecrets

    public var description: String {
        switch self {
        case .badAddress(let address):
            "\"\(address)\" is not an address to listen on; use host:port, e.g. 127.0.0.1:8787"
        case .cannotListen(let address, let reason):
            "cannot listen on \(address): \(reason); choose another port with --listen"
        case .noSecrets:
            "no PagerDuty webhook secret is configured; set [pagerduty] webhook_secrets in the config file "
                + "(mode 0600) or OPSDECK_PAGERDUTY_WEBHOOK_SECRETS (comma-separated)"
        }
    }
}
