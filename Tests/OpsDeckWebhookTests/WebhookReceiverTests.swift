import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckTestSupport
import Testing

@testable import OpsDeckWebhook

/// The receiver in process, on a free loopback port, talked to over a real socket.
@Suite struct WebhookReceiverTests {
    /// Runs `body` against a receiver on a fresh cache file; always stops it.
    func withReceiver(
        secrets: [String] = [Deliveries.secret],
        _ body: (WebhookReceiver, CacheDatabase, LoopbackClient) throws -> Void
    ) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (cache, _) = try CacheDatabase.open(at: directory.path + "/cache.sqlite")
        let receiver = try WebhookReceiver(cache: cache, secrets: secrets, listen: "127.0.0.1:0", threads: 1)
        defer { receiver.stop() }
        let client = try LoopbackClient(port: receiver.port)
        try body(receiver, cache, client)
    }

    @Test func storesAValidDeliveryBeforeAnswering() throws {
        try withReceiver { _, cache, client throws in
            let body = Deliveries.incident(eventId: "ev-1")
            let response = try client.post(body: body, headers: Deliveries.headers(body, webhookId: "wh-1"))
            #expect(response.status == 202)
            // Answered only after the commit: the incident is readable right away.
            let snapshot = try cache.snapshot(now: Date())
            let incident = try #require(snapshot.incidents.first)
            #expect(incident.id == "PINC1")
            #expect(incident.status == .triggered)
            #expect(incident.assignees == ["Ada"])
            #expect(incident.serviceName == "Payments API")
            #expect(try cache.webhookCounts() == (1, 1))
        }
    }

    @Test func answersRetriesAndRepeatedEventsAsDuplicates() throws {
        try withReceiver { receiver, cache, client throws in
            let body = Deliveries.incident(eventId: "ev-1")
            #expect(
                try client.post(body: body, headers: Deliveries.headers(body, webhookId: "wh-1")).status
                    == 202)
            // The same delivery retried.
            #expect(
                try client.post(body: body, headers: Deliveries.headers(body, webhookId: "wh-1")).status
                    == 200)
            // The same event in another delivery.
            #expect(
                try client.post(body: body, headers: Deliveries.headers(body, webhookId: "wh-2")).status
                    == 200)
            #expect(try cache.webhookCounts().events == 1)
            #expect(receiver.metrics.counts.duplicates == 2)
            #expect(receiver.metrics.counts.stored == 1)
        }
    }

    @Test func refusesBadSignaturesWithoutStoring() throws {
        try withReceiver { receiver, cache, client throws in
            let body = Deliveries.incident(eventId: "ev-1")
            var tampered = body
            tampered.append(contentsOf: Array(" ".utf8))
            let signed = Deliveries.signature(body)
            #expect(
                try client.post(body: tampered, headers: [("X-PagerDuty-Signature", signed)]).status == 403)
            let wrong = Deliveries.signature(body, secrets: ["not-the-secret"])
            #expect(try client.post(body: body, headers: [("X-PagerDuty-Signature", wrong)]).status == 403)
            #expect(try client.post(body: body).status == 400)
            #expect(
                try client.post(body: body, headers: [("X-PagerDuty-Signature", "v1=nothex")]).status == 400)
            #expect(
                try client.post(body: body, headers: [("X-PagerDuty-Signature", "sha256=abc")]).status == 400)
            #expect(try cache.webhookCounts() == (0, 0))
            let rejected = receiver.metrics.counts.rejected
            #expect(rejected["signature_mismatch"] == 2)
            #expect(rejected["signature_missing"] == 1)
            #expect(rejected["signature_malformed"] == 2)
        }
    }

    @Test func acceptsEitherSecretDuringARotation() throws {
        try withReceiver(secrets: [Deliveries.oldSecret, Deliveries.secret]) { _, cache, client throws in
            let first = Deliveries.incident(eventId: "ev-1")
            let old = [
                ("X-PagerDuty-Signature", Deliveries.signature(first, secrets: [Deliveries.oldSecret]))
            ]
            #expect(try client.post(body: first, headers: old).status == 202)
            let second = Deliveries.incident(
                eventId: "ev-2", type: "incident.acknowledged", status: "acknowledged")
            let both = Deliveries.signature(second, secrets: ["retired-secret", Deliveries.secret])
            #expect(try client.post(body: second, headers: [("X-PagerDuty-Signature", both)]).status == 202)
            #expect(try cache.webhookCounts().events == 2)
        }
    }

    @Test func refusesAMalformedBodyWith400() throws {
        try withReceiver { receiver, _, client throws in
            let body = Data(#"{"event":{"event_type":"incident.triggered"}}"#.utf8)
            let response = try client.post(body: body, headers: Deliveries.headers(body, webhookId: "wh-1"))
            #expect(response.status == 400)
            #expect(response.body.contains("event.id"))
            #expect(receiver.metrics.counts.rejected["body_invalid"] == 1)
        }
    }

    @Test func refusesAnOversizedBodyFromItsLengthWith413() throws {
        try withReceiver { receiver, cache, client throws in
            // Only the head is sent: the answer must not wait for 300 KB that never come.
            let head = """
                POST /webhooks/pagerduty HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000\r\n\
                X-PagerDuty-Signature: v1=00\r\n\r\n
                """
            try client.send(Data(head.utf8))
            #expect(try client.readResponse().status == 413)
            #expect(receiver.metrics.counts.rejected["too_large"] == 1)
            #expect(try cache.webhookCounts() == (0, 0))
        }
    }

    @Test func refusesAnOversizedChunkedBodyWith413() throws {
        try withReceiver { _, _, client throws in
            var request =
                "POST /webhooks/pagerduty HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            let chunk = String(repeating: "a", count: 64 * 1024)
            for _ in 0..<5 { request += String(64 * 1024, radix: 16) + "\r\n" + chunk + "\r\n" }
            // The receiver may answer and close before it has read everything.
            try? client.send(Data(request.utf8))
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test func outOfOrderEventsEndInTheNewestState() throws {
        try withReceiver { _, cache, client throws in
            let resolved = Deliveries.incident(
                eventId: "ev-3", type: "incident.resolved", status: "resolved",
                occurredAt: "2026-11-24T07:10:00Z")
            let acknowledged = Deliveries.incident(
                eventId: "ev-2", type: "incident.acknowledged", status: "acknowledged",
                occurredAt: "2026-11-24T07:05:00Z")
            let triggered = Deliveries.incident(eventId: "ev-1", occurredAt: "2026-11-24T07:00:00Z")
            for (index, body) in [resolved, acknowledged, triggered].enumerated() {
                #expect(
                    try client.post(body: body, headers: Deliveries.headers(body, webhookId: "w\(index)"))
                        .status == 202)
            }
            let incident = try #require(try cache.snapshot(now: Date()).incidents.first)
            #expect(incident.status == .resolved)
            #expect(incident.timeline.map(\.eventId) == ["ev-1", "ev-2", "ev-3"])
        }
    }

    @Test func storesUnknownEventTypesAndShowsThemOnTheIncident() throws {
        try withReceiver { _, cache, client throws in
            let triggered = Deliveries.incident(eventId: "ev-1")
            let unknown = Deliveries.unknown(eventId: "ev-2")
            let note = Deliveries.note(eventId: "ev-3", content: "Restarted the primary")
            for (index, body) in [triggered, unknown, note].enumerated() {
                #expect(
                    try client.post(body: body, headers: Deliveries.headers(body, webhookId: "w\(index)"))
                        .status == 202)
            }
            let events = try cache.incidentEvents(incidentId: "PINC1")
            #expect(
                events.map(\.eventType) == [
                    "incident.triggered", "incident.annotated", "incident.workflow.started",
                ])
            let stored = try #require(events.first { !$0.known })
            #expect(stored.raw == String(decoding: unknown, as: UTF8.self))
            let incident = try #require(try cache.snapshot(now: Date()).incidents.first)
            #expect(incident.timeline.contains { $0.eventType == "incident.workflow.started" })
            #expect(incident.notes.map(\.text) == ["Restarted the primary"])
        }
    }

    @Test func servesHealthAndPrometheusMetrics() throws {
        try withReceiver { _, _, client throws in
            let body = Deliveries.incident(eventId: "ev-1")
            _ = try client.post(body: body, headers: Deliveries.headers(body, webhookId: "wh-1"))
            _ = try client.post(body: body)
            let health = try client.get("/healthz")
            #expect(health.status == 200)
            let metrics = try client.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.body.contains("opsdeck_webhook_received_total 2\n"))
            #expect(metrics.body.contains("opsdeck_webhook_stored_total 1\n"))
            #expect(metrics.body.contains(#"opsdeck_webhook_rejected_total{reason="signature_missing"} 1"#))
            #expect(metrics.body.contains("opsdeck_webhook_store_latency_seconds_count 1\n"))
            #expect(!metrics.body.contains(Deliveries.secret))
            #expect(try client.get("/nope").status == 404)
        }
    }

    @Test func refusesEverythingWithoutASecret() throws {
        try withReceiver(secrets: []) { _, cache, client throws in
            let body = Deliveries.incident(eventId: "ev-1")
            #expect(
                try client.post(body: body, headers: Deliveries.headers(body, webhookId: "wh-1")).status
                    == 503)
            #expect(try cache.webhookCounts() == (0, 0))
        }
    }

    @Test func parsesListenAddresses() throws {
        #expect(try WebhookReceiver.parse("127.0.0.1:8787") == ("127.0.0.1", 8787))
        #expect(try WebhookReceiver.parse("[::1]:0") == ("::1", 0))
        #expect(throws: WebhookReceiverError.badAddress("8787")) { try WebhookReceiver.parse("8787") }
        #expect(throws: WebhookReceiverError.badAddress("host:99999")) {
            try WebhookReceiver.parse("host:99999")
        }
    }
}
