import Foundation
import OpsDeckCache
import OpsDeckCore
import PagerDuty
import Testing

/// `CacheDatabase.ingest` and `upsertIncidents` on an in-memory cache.
@Suite struct CacheIngestTests {
    static let received = Date(timeIntervalSinceReferenceDate: 816_000_000)

    static func delivery(_ body: Data, webhookId: String?) throws -> WebhookDelivery {
        WebhookDelivery(
            webhookId: webhookId, event: try WebhookEventDecoder.decode(body),
            rawBody: String(decoding: body, as: UTF8.self), receivedAt: received)
    }

    @Test func deduplicatesOnWebhookIdAndEventIdInOneBatch() throws {
        let cache = try CacheDatabase.inMemory()
        let first = try Self.delivery(Deliveries.incident(eventId: "ev-1"), webhookId: "wh-1")
        let sameEvent = try Self.delivery(Deliveries.incident(eventId: "ev-1"), webhookId: "wh-2")
        let noWebhookId = try Self.delivery(
            Deliveries.incident(eventId: "ev-2", status: "acknowledged"), webhookId: nil)
        let outcomes = try cache.ingest([first, first, sameEvent, noWebhookId, noWebhookId])
        #expect(outcomes == [.stored, .duplicate, .duplicate, .stored, .duplicate])
        #expect(try cache.webhookCounts().events == 2)
    }

    @Test func keepsServicesAndDropsDeletedOnesFromTheSnapshot() throws {
        let cache = try CacheDatabase.inMemory()
        func service(_ id: String, _ type: String, _ name: String, at time: String) -> Data {
            Data(
                """
                {"event":{"id":"\(id)","event_type":"\(type)","resource_type":"service","occurred_at":"\(time)",\
                "agent":null,"client":null,"data":{"id":"PSVC1","summary":"\(name)","type":"service"}}}
                """.utf8)
        }
        _ = try cache.ingest([
            try Self.delivery(
                service("s1", "service.created", "Payments", at: "2026-11-24T07:00:00Z"), webhookId: "a")
        ])
        #expect(try cache.snapshot(now: Date()).pagerDutyServices.map(\.name) == ["Payments"])
        _ = try cache.ingest([
            try Self.delivery(
                service("s3", "service.deleted", "Payments", at: "2026-11-24T07:10:00Z"), webhookId: "c"),
            try Self.delivery(
                service("s2", "service.updated", "Payments v2", at: "2026-11-24T07:05:00Z"), webhookId: "b"),
        ])
        #expect(try cache.snapshot(now: Date()).pagerDutyServices.isEmpty)
    }

    @Test func restBackfillNeverReplacesANewerWebhookState() throws {
        let cache = try CacheDatabase.inMemory()
        let resolved = Deliveries.incident(
            eventId: "ev-9", type: "incident.resolved", status: "resolved", occurredAt: "2026-11-24T07:30:00Z"
        )
        _ = try cache.ingest([try Self.delivery(resolved, webhookId: "wh-9")])
        let stored = try #require(try cache.snapshot(now: Date()).incidents.first)

        // A REST page read before the resolve: older updated_at, must not win.
        var stale = stored
        stale.status = .triggered
        stale.title = "stale"
        stale.lastEventAt = nil
        stale.timeline = []
        stale.updatedAt = try #require(stored.lastEventAt) - 600
        try cache.upsertIncidents([stale], fetchedAt: Date())
        let afterStale = try #require(try cache.snapshot(now: Date()).incidents.first)
        #expect(afterStale.status == .resolved)
        #expect(afterStale.title == "Disk full on db-1")

        // A newer REST read wins, and keeps the timeline the webhook built.
        var newer = stale
        newer.status = .triggered
        newer.title = "Reopened by REST"
        newer.updatedAt = try #require(stored.lastEventAt) + 600
        try cache.upsertIncidents([newer], fetchedAt: Date())
        let afterNewer = try #require(try cache.snapshot(now: Date()).incidents.first)
        #expect(afterNewer.status == .triggered)
        #expect(afterNewer.title == "Reopened by REST")
        #expect(afterNewer.lastEventAt == newer.updatedAt)
        #expect(afterNewer.timeline.map(\.eventId) == ["ev-9"])

        // A new incident is simply inserted.
        var other = newer
        other.id = "PREST2"
        try cache.upsertIncidents([other], fetchedAt: Date())
        #expect(try cache.snapshot(now: Date()).incidents.count == 2)
    }

    @Test func anEmptyBatchChangesNothing() throws {
        let cache = try CacheDatabase.inMemory()
        _ = try cache.ingest([try Self.delivery(Deliveries.incident(eventId: "ev-1"), webhookId: "wh-1")])
        let before = try cache.webhookCounts()
        #expect(before == (1, 1))
        #expect(try cache.ingest([]) == [])
    }
}
