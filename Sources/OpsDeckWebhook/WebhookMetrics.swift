import Foundation
import Synchronization

/// The receiver's counters, served at `GET /metrics` in Prometheus' text format.
public final class WebhookMetrics: Sendable {
    /// Upper bounds (seconds) of the store-latency histogram buckets.
    static let latencyBuckets: [Double] = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct State {
        var received = 0
        var stored = 0
        var duplicates = 0
        var rejected: [String: Int] = [:]
        var storeFailures = 0
        var batches = 0
        var checkpoints = 0
        var latencyCounts = Array(repeating: 0, count: WebhookMetrics.latencyBuckets.count)
        var latencyCount = 0
        var latencySum = 0.0
    }

    private let state = Mutex(State())

    public init() {}

    func received() { state.withLock { $0.received += 1 } }

    func rejected(_ reason: String) { state.withLock { $0.rejected[reason, default: 0] += 1 } }

    func storeFailed(_ count: Int) { state.withLock { $0.storeFailures += count } }

    func checkpointed() { state.withLock { $0.checkpoints += 1 } }

    /// WAL checkpoints run between batches so far.
    public var checkpoints: Int { state.withLock { $0.checkpoints } }

    /// One committed batch: its outcomes and how long each delivery waited for it (seconds).
    func batch(stored: Int, duplicates: Int, latencies: [Double]) {
        state.withLock { state in
            state.batches += 1
            state.stored += stored
            state.duplicates += duplicates
            for latency in latencies {
                state.latencyCount += 1
                state.latencySum += latency
                for (index, bound) in Self.latencyBuckets.enumerated() where latency <= bound {
                    state.latencyCounts[index] += 1
                }
            }
        }
    }

    /// Counts so far, for tests and the log.
    public var counts: (received: Int, stored: Int, duplicates: Int, rejected: [String: Int]) {
        state.withLock { ($0.received, $0.stored, $0.duplicates, $0.rejected) }
    }

    /// The Prometheus text exposition (version 0.0.4).
    public func prometheusText() -> String {
        let snapshot = state.withLock { $0 }
        var out = ""
        func metric(_ name: String, _ type: String, _ help: String, _ lines: [String]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for line in lines { out += line + "\n" }
        }
        metric(
            "opsdeck_webhook_received_total", "counter", "Requests to POST /webhooks/pagerduty.",
            ["opsdeck_webhook_received_total \(snapshot.received)"])
        metric(
            "opsdeck_webhook_stored_total", "counter", "Deliveries durably stored for the first time.",
            ["opsdeck_webhook_stored_total \(snapshot.stored)"])
        metric(
            "opsdeck_webhook_duplicates_total", "counter", "Deliveries already stored (retries).",
            ["opsdeck_webhook_duplicates_total \(snapshot.duplicates)"])
        let reasons = [
            "signature_missing", "signature_malformed", "signature_mismatch", "body_invalid", "too_large",
            "not_found", "method_not_allowed", "no_secrets",
        ]
        let allReasons = reasons + snapshot.rejected.keys.filter { !reasons.contains($0) }.sorted()
        metric(
            "opsdeck_webhook_rejected_total", "counter", "Requests refused, by reason.",
            allReasons.map {
                "opsdeck_webhook_rejected_total{reason=\"\($0)\"} \(snapshot.rejected[$0] ?? 0)"
            })
        metric(
            "opsdeck_webhook_store_failures_total", "counter",
            "Deliveries answered 503 because the cache refused them.",
            ["opsdeck_webhook_store_failures_total \(snapshot.storeFailures)"])
        metric(
            "opsdeck_webhook_batches_total", "counter", "Group-commit transactions.",
            ["opsdeck_webhook_batches_total \(snapshot.batches)"])
        metric(
            "opsdeck_webhook_checkpoints_total", "counter", "WAL checkpoints run between batches.",
            ["opsdeck_webhook_checkpoints_total \(snapshot.checkpoints)"])
        var histogram: [String] = []
        for (index, bound) in Self.latencyBuckets.enumerated() {
            histogram.append(
                "opsdeck_webhook_store_latency_seconds_bucket{le=\"\(bound)\"} \(snapshot.latencyCounts[index])"
            )
        }
        histogram.append("opsdeck_webhook_store_latency_seconds_bucket{le=\"+Inf\"} \(snapshot.latencyCount)")
        histogram.append("opsdeck_webhook_store_latency_seconds_sum \(snapshot.latencySum)")
        histogram.append("opsdeck_webhook_store_latency_seconds_count \(snapshot.latencyCount)")
        metric(
            "opsdeck_webhook_store_latency_seconds", "histogram",
            "From a verified delivery to its durable commit.", histogram)
        return out
    }
}
