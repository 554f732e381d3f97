import Foundation
import OpsDeckCore
import Testing

@testable import PagerDuty

@Suite("Incident actions queued while PagerDuty is away", .timeLimit(.minutes(2)))
struct IncidentActionQueueTests {
    static let now = Date(timeIntervalSince1970: 1_793_000_000)

    @Test("Actions taken while the server is down stay pending and are sent, in order, once it is back")
    func downThenBack() async throws {
        try await withClient { fixture, factory in
            let store = InMemoryIncidentActionStore()
            let queue = IncidentActionQueue(store: store, client: factory.client(fixture))
            await fixture.stop()

            let ack = try await queue.submit(
                IncidentAction(incidentId: "PQ00001", kind: .acknowledge), now: Self.now)
            #expect(ack.state == .pending)
            #expect(ack.message?.contains("cannot be reached") == true)
            let note = try await queue.submit(
                IncidentAction(incidentId: "PQ00001", kind: .note("looking")),
                now: Self.now.addingTimeInterval(1))
            let resolve = try await queue.submit(
                IncidentAction(incidentId: "PQ00002", kind: .resolve), now: Self.now.addingTimeInterval(2))
            #expect(await store.outstandingActions().map(\.state) == [.pending, .pending, .pending])

            let stillDown = try await queue.flush(now: Self.now.addingTimeInterval(60))
            #expect(stillDown.sent.isEmpty)
            #expect(stillDown.pending.count == 3)
            #expect(
                stillDown.unreachable?.description.hasPrefix("PagerDuty (127.0.0.1) cannot be reached")
                    == true)

            try await fixture.restart()
            try await fixture.addIncidents([
                ["id": "PQ00001", "created_at": "2026-11-01T00:00:00Z"],
                ["id": "PQ00002", "created_at": "2026-11-01T00:00:00Z"],
            ])
            try await fixture.control(
                "/_fixture/change", ["id": "PQ00002", "status": "resolved", "by": "Carol Chen"])

            let report = try await queue.flush(now: Self.now.addingTimeInterval(120))
            #expect(report.sent.map(\.id) == [ack.id, note.id])
            #expect(report.conflicts.map(\.id) == [resolve.id])
            #expect(report.conflicts.first?.message == "already resolved by Carol Chen")
            #expect(report.pending.isEmpty)
            let writes = try await fixture.requests().filter { $0.method != "GET" }
            #expect(
                writes.map(\.path) == [
                    "/incidents/PQ00001", "/incidents/PQ00001/notes", "/incidents/PQ00002",
                ])
            // The conflict stays visible; the sent ones are done.
            #expect(await store.outstandingActions().map(\.state) == [.conflict])
        }
    }

    @Test("A refusal that retrying cannot fix fails the action instead of keeping it pending")
    func permanentFailure() async throws {
        try await withClient { fixture, factory in
            let store = InMemoryIncidentActionStore()
            let queue = IncidentActionQueue(store: store, client: factory.client(fixture))
            let result = try await queue.submit(
                IncidentAction(incidentId: "PNOPE00", kind: .resolve), now: Self.now)
            #expect(result.state == .failed)
            #expect(result.message?.contains("PNOPE00") == true)
        }
    }
}
