import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckTestSupport
import Synchronization
import Testing

/// 20,000 deliveries from concurrent loopback clients to the built `opsdeck webhook serve`,
/// killed with SIGKILL half-way and restarted: every delivery that was answered 2xx is in the
/// cache exactly once, and the retried rest are stored once too.
@Suite struct ReceiverCrashTests {
    static let deliveryCount = 20_000
    static let clientCount = 64
    static let pipelineDepth = 4
    static let incidentCount = 4000

    struct Delivery {
        var webhookId: String
        var body: Data
        var headers: [(String, String)]
    }

    static func makeDeliveries() -> [Delivery] {
        let statuses = [("incident.triggered", "triggered"), ("incident.acknowledged", "acknowledged")]
        let base = Date(timeIntervalSince1970: 1_795_000_000)
        let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (0..<deliveryCount).map { index in
            let (type, status) =
                index >= deliveryCount - incidentCount
                ? ("incident.resolved", "resolved") : statuses[index % 2]
            let body = Deliveries.incident(
                eventId: "load-\(index)", type: type, incidentId: "PLOAD\(index % incidentCount)",
                status: status,
                occurredAt: (base + TimeInterval(index)).formatted(format))
            let webhookId = "wh-load-\(index)"
            return Delivery(
                webhookId: webhookId, body: body, headers: Deliveries.headers(body, webhookId: webhookId))
        }
    }

    /// Sends `indices` over `clientCount` keep-alive connections; returns the ones answered 2xx.
    /// Stops a client's connection on any error and reconnects for its next delivery.
    static func send(
        _ deliveries: [Delivery], indices: [Int], port: Int, acknowledged: Acknowledged,
        onProgress: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        let group = DispatchGroup()
        for client in 0..<clientCount {
            let mine = indices.enumerated().filter { $0.offset % clientCount == client }.map(\.element)
            let work = UnsafeTransfer(deliveries)
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var connection: LoopbackClient?
                // Pipelined, as many deliveries in flight as PagerDuty's parallel retries would
                // put there, so the run is bounded by group commits rather than round trips.
                var start = 0
                while start < mine.count {
                    let chunk = mine[start..<min(start + pipelineDepth, mine.count)]
                    start += pipelineDepth
                    do {
                        if connection == nil { connection = try LoopbackClient(port: port) }
                        guard let open = connection else { continue }
                        var requests = Data()
                        for index in chunk {
                            let delivery = work.value[index]
                            requests += LoopbackClient.postRequest(
                                body: delivery.body, headers: delivery.headers)
                        }
                        try open.send(requests)
                        for index in chunk {
                            let response = try open.readResponse()
                            if (200..<300).contains(response.status) {
                                let count = acknowledged.set.withLock { set in
                                    set.insert(index)
                                    return set.count
                                }
                                onProgress(count)
                            }
                        }
                    } catch {
                        connection = nil
                    }
                }
            }
        }
        _ = group.wait(timeout: .now() + 120)
    }

    @Test func everyAcknowledgedDeliverySurvivesASIGKILL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cachePath = directory.path + "/cache/cache.sqlite"
        let environment = [
            "HOME": directory.path, "XDG_CONFIG_HOME": directory.path + "/config",
            "XDG_STATE_HOME": directory.path + "/state", "XDG_CACHE_HOME": directory.path + "/cache",
            "OPSDECK_PAGERDUTY_WEBHOOK_SECRETS": Deliveries.secret,
        ]
        let deliveries = Self.makeDeliveries()
        let acknowledged = Acknowledged()

        let first = try ReceiverProcess(cache: cachePath, environment: environment)
        let signalled = Acknowledged()
        Self.send(
            deliveries, indices: Array(0..<Self.deliveryCount), port: first.port, acknowledged: acknowledged
        ) {
            count in
            // Killed by the client that saw the half-way answer, while the others are mid-request.
            if count >= Self.deliveryCount / 2, signalled.set.withLock({ $0.insert(0).inserted }) {
                first.sendKill()
            }
        }
        first.crash()
        let beforeCrash = acknowledged.set.withLock { $0 }
        #expect(beforeCrash.count >= Self.deliveryCount / 2)
        #expect(beforeCrash.count < Self.deliveryCount, "the receiver was killed after everything was sent")

        // PagerDuty retries what was not acknowledged, against the restarted receiver.
        let second = try ReceiverProcess(cache: cachePath, environment: environment)
        let missing = (0..<Self.deliveryCount).filter { !beforeCrash.contains($0) }
        Self.send(deliveries, indices: missing, port: second.port, acknowledged: acknowledged)
        second.stop()
        #expect(acknowledged.set.withLock { $0.count } == Self.deliveryCount)

        let (cache, _) = try CacheDatabase.open(at: cachePath)
        let counts = try cache.webhookCounts()
        // Unique keys make more than once impossible; the counts make fewer impossible.
        #expect(counts.deliveries == Self.deliveryCount)
        #expect(counts.events == Self.deliveryCount)
        let incidents = try cache.snapshot(now: Date()).incidents
        #expect(incidents.count == Self.incidentCount)
        #expect(incidents.allSatisfy { $0.status == .resolved })
    }
}

/// The deliveries answered 2xx, shared by the client threads.
final class Acknowledged: Sendable {
    let set = Mutex<Set<Int>>([])
}

/// Hands an immutable array to the client threads.
struct UnsafeTransfer<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
