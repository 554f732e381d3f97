import Foundation
import OpsDeckCore
import Testing

@testable import PagerDuty

@Suite("PagerDuty refresh: queue, backfill, on-calls", .timeLimit(.minutes(2)))
struct PagerDutySyncTests {
    static func date(_ text: String) throws -> Date { try Date(text, strategy: .iso8601) }

    @Test("The first refresh reads the recent window; the next backfills since the cursor")
    func firstThenBackfill() async throws {
        try await withClient { fixture, factory in
            try await fixture.addIncidents([
                ["id": "PS00001", "created_at": "2026-11-20T00:00:00Z"],
                ["id": "PS00002", "created_at": "2026-11-01T00:00:00Z"],  // older than the window
            ])
            try await fixture.control(
                "/_fixture/oncalls",
                ["oncalls": [["user": ["id": "PU1", "summary": "Alice Example"], "escalation_level": 1]]])
            let store = MemoryPagerDutyStore()
            let sync = PagerDutySync(client: factory.client(fixture), store: store)
            let first = try await sync.refresh(now: Self.date("2026-11-21T00:00:00Z"))
            #expect(first.failures.isEmpty)
            #expect(await store.incidents.keys.sorted() == ["PS00001"])
            #expect(await store.cursor == (try Self.date("2026-11-21T00:00:00Z")))
            #expect(await store.onCalls.map(\.userName) == ["Alice Example"])

            try await fixture.control(
                "/_fixture/change",
                ["id": "PS00002", "status": "resolved", "by": "Bob Builder", "at": "2026-11-21T00:10:00Z"])
            try await fixture.forgetRequests()
            let second = try await sync.refresh(now: Self.date("2026-11-21T00:20:00Z"))
            #expect(second.failures.isEmpty)
            #expect(await store.incidents["PS00002"]?.status == .resolved)
            #expect(await store.cursor == (try Self.date("2026-11-21T00:10:00Z")))
            let paths = try await fixture.requests().map(\.path)
            #expect(paths.contains("/log_entries"))
            #expect(!paths.contains("/incidents"))
        }
    }

    @Test("Queued actions go first; while PagerDuty is away nothing else is tried")
    func queueFirst() async throws {
        try await withClient { fixture, factory in
            let store = MemoryPagerDutyStore()
            let client = factory.client(fixture)
            let sync = PagerDutySync(client: client, store: store)
            await fixture.stop()
            let queued = try await IncidentActionQueue(store: store, client: client).submit(
                IncidentAction(incidentId: "PS00003", kind: .acknowledge),
                now: Self.date("2026-11-21T00:00:00Z"))
            #expect(queued.state == .pending)
            let down = try await sync.refresh(now: Self.date("2026-11-21T00:01:00Z"))
            #expect(down.failures.map(\.step) == ["actions"])
            #expect(down.failures.first?.error.isTransient == true)
            #expect(down.flush.pending.count == 1)

            try await fixture.restart()
            try await fixture.addIncidents([["id": "PS00003", "created_at": "2026-11-20T00:00:00Z"]])
            let back = try await sync.refresh(now: Self.date("2026-11-21T00:02:00Z"))
            #expect(back.failures.isEmpty)
            #expect(back.flush.sent.map(\.id) == [queued.id])
            #expect(await store.incidents["PS00003"]?.status == .acknowledged)
            let order = try await fixture.requests().map { "\($0.method) \($0.path)" }
            #expect(order.first == "PUT /incidents/PS00003")
        }
    }
}
