/// What `CacheDatabase.ingest` did with one webhook delivery.
public enum IngestOutcome: Sendable, Hashable {
    /// Stored for the first time (and applied to its incident or service).
    case stored
    /// Already stored: the same `X-Webhook-Id` or the same `event.id` came before. Nothing
    /// changed; the sender should still get a 2xx so it stops retrying.
    case duplicate
}
