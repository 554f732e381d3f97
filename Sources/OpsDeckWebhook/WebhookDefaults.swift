/// The receiver's defaults: loopback only unless told otherwise, and PagerDuty's
/// documented size bound for one delivery.
public enum WebhookDefaults {
    public static let listenAddress = "127.0.0.1:8787"
    public static let maximumBodyBytes = 256 * 1024
}
