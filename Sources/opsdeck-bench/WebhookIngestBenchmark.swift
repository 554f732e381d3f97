import ArgumentParser
import Dispatch
import Foundation
import OpsDeckCache
import OpsDeckTestSupport
import OpsDeckWebhook
import PagerDuty
import Synchronization

/// `opsdeck-bench webhook-ingest`: signed PagerDuty deliveries from concurrent loopback
/// clients into the receiver, stored durably (WAL, `synchronous = FULL`) in a cache file on
/// this machine's disk; prints deliveries per second and the latency percentiles.
struct WebhookIngestBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook-ingest",
        abstract: "Measure PagerDuty webhook ingest: throughput and latency with durable storage.")

    @Option(help: "Deliveries measured (after the warm-up).")
    var deliveries = 50_000

    @Option(help: "Concurrent client connections (PagerDuty delivers in parallel).")
    var connections = 128

    @Option(help: "Event-loop threads of the receiver.")
    var loopThreads = 1

    @Option(help: "Incidents the events are spread over.")
    var incidents = 5_000

    @Option(help: "Directory for the cache file (default: a temporary directory, removed after).")
    var directory: String?

    func validate() throws {
        guard (1_000...1_000_000).contains(deliveries) else {
            throw ValidationError("--deliveries must be 1000...1000000")
        }
        guard (1...1_000).contains(connections) else {
            throw ValidationError("--connections must be 1...1000")
        }
        guard (1...16).contains(loopThreads) else { throw ValidationError("--loop-threads must be 1...16") }
        guard incidents >= 1 else { throw ValidationError("--incidents must be at least 1") }
    }

    func run() throws {
        let root = directory ?? NSTemporaryDirectory() + "opsdeck-bench-webhook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: root) } }
        let secret = "bench-secret"
        let warmup = min(5_000, deliveries / 5)
        let total = warmup + deliveries
        log("signing \(total) deliveries")
        let requests = (0..<total).map { Self.request(index: $0, incidents: incidents, secret: secret) }

        let (cache, _) = try CacheDatabase.open(at: root + "/cache.sqlite")
        let receiver = try WebhookReceiver(
            cache: cache, secrets: [secret], listen: "127.0.0.1:0", threads: loopThreads)
        defer { receiver.stop() }
        log("receiver on \(receiver.boundAddress); \(warmup) warm-up deliveries")
        _ = try drive(requests[0..<warmup], port: receiver.port)
        let batchesBefore = Self.batches(receiver)

        log("measuring \(deliveries) deliveries over \(connections) connections")
        let started = DispatchTime.now().uptimeNanoseconds
        let latencies = try drive(requests[warmup..<total], port: receiver.port)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let batches = Self.batches(receiver) - batchesBefore
        let counts = try cache.webhookCounts()
        guard counts.events == total else {
            throw BenchError.childFailed(
                "the cache holds \(counts.events) events, \(total) were acknowledged")
        }

        let stats = Statistics(latencies)
        let rate = Double(deliveries) / elapsed
        let p99 = stats.percentile(99) / 1e6
        func ms(_ value: Double) -> String { String(format: "%.1f ms", value / 1e6) }
        var out = "| figure | value | target |\n|---|---|---|\n"
        out += "| deliveries/s (sustained, \(deliveries) after \(warmup) warm-up) | "
        out += String(format: "%.0f", rate) + " | >= 5000 " + (rate >= 5_000 ? "(met)" : "(missed)") + " |\n"
        out += "| latency p50 | \(ms(stats.median)) | |\n"
        out += "| latency p90 | \(ms(stats.percentile(90))) | |\n"
        out +=
            "| latency p99 | \(ms(stats.percentile(99))) | < 50 ms " + (p99 < 50 ? "(met)" : "(missed)")
            + " |\n"
        out += "| latency max | \(ms(stats.max)) | |\n"
        out +=
            "| group commits | \(batches) (mean \(String(format: "%.1f", Double(deliveries) / Double(max(batches, 1)))) deliveries each) | |\n"
        out += "| connections / loop threads | \(connections) / \(loopThreads) | |\n"
        out += "| load average after | \(MachineInfo.loadAverage()) | |\n"
        print(out, terminator: "")
    }

    /// Sends every request once over `connections` keep-alive connections; returns each
    /// request's latency (nanoseconds, from writing it to reading its answer).
    private func drive(_ requests: ArraySlice<Data>, port: Int) throws -> [UInt64] {
        let results = Mutex<(latencies: [UInt64], failures: [String])>(([], []))
        let group = DispatchGroup()
        let all = Array(requests)
        for client in 0..<connections {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var latencies: [UInt64] = []
                do {
                    let connection = try LoopbackClient(port: port)
                    var index = client
                    while index < all.count {
                        let begin = DispatchTime.now().uptimeNanoseconds
                        try connection.send(all[index])
                        let response = try connection.readResponse()
                        latencies.append(DispatchTime.now().uptimeNanoseconds - begin)
                        if !(200..<300).contains(response.status) {
                            throw BenchError.childFailed("delivery \(index) answered \(response.status)")
                        }
                        index += connections
                    }
                    results.withLock { $0.latencies += latencies }
                } catch {
                    results.withLock { $0.failures.append("\(error)") }
                }
            }
        }
        group.wait()
        let (latencies, failures) = results.withLock { ($0.latencies, $0.failures) }
        if let failure = failures.first { throw BenchError.childFailed(failure) }
        return latencies
    }

    private static func batches(_ receiver: WebhookReceiver) -> Int {
        let line = receiver.metrics.prometheusText().split(separator: "\n").first {
            $0.hasPrefix("opsdeck_webhook_batches_total ")
        }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    /// One signed `incident.*` delivery, as PagerDuty sends it (about 1.2 KB).
    private static func request(index: Int, incidents: Int, secret: String) -> Data {
        let kinds = [
            ("incident.triggered", "triggered"), ("incident.acknowledged", "acknowledged"),
            ("incident.resolved", "resolved"),
        ]
        let (type, status) = kinds[(index / incidents) % kinds.count]
        let incident = "PBENCH\(index % incidents)"
        let seconds = 1_795_000_000 + index
        let body = Data(
            """
            {"event":{"id":"bench-\(index)","event_type":"\(type)","resource_type":"incident",\
            "occurred_at":"\(Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601))",\
            "agent":{"html_url":"https://acme.pagerduty.com/users/PLH1HKV","id":"PLH1HKV",\
            "self":"https://api.pagerduty.com/users/PLH1HKV","summary":"Tenex Engineer","type":"user_reference"},\
            "client":{"name":"PagerDuty"},"data":{"id":"\(incident)","type":"incident",\
            "self":"https://api.pagerduty.com/incidents/\(incident)",\
            "html_url":"https://acme.pagerduty.com/incidents/\(incident)","number":\(index % incidents),\
            "status":"\(status)","incident_key":"key-\(incident)","created_at":"2026-11-24T00:00:00Z",\
            "title":"Latency above threshold on payments-\(index % 97)",\
            "service":{"html_url":"https://acme.pagerduty.com/services/PF9KMXH","id":"PF9KMXH",\
            "self":"https://api.pagerduty.com/services/PF9KMXH","summary":"Payments API","type":"service_reference"},\
            "assignees":[{"html_url":"https://acme.pagerduty.com/users/PTUXL6G","id":"PTUXL6G",\
            "self":"https://api.pagerduty.com/users/PTUXL6G","summary":"User \(index % 13)","type":"user_reference"}],\
            "escalation_policy":{"html_url":"https://acme.pagerduty.com/escalation_policies/PUS0KTE",\
            "id":"PUS0KTE","self":"https://api.pagerduty.com/escalation_policies/PUS0KTE","summary":"Default",\
            "type":"escalation_policy_reference"},"teams":[],"priority":null,"urgency":"high",\
            "conference_bridge":null,"resolve_reason":null}}}
            """.utf8)
        var head =
            "POST /webhooks/pagerduty HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        head += "Content-Length: \(body.count)\r\nX-Webhook-Id: wh-bench-\(index)\r\n"
        head += "X-PagerDuty-Signature: \(WebhookSignature.header(body: body, secrets: [secret]))\r\n\r\n"
        return Data(head.utf8) + body
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data("[bench] \(line)\n".utf8))
    }
}
