import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckCache

/// The action queue, on-calls and backfill cursor of the PagerDuty REST client.
@Suite struct PagerDutyRESTCacheTests {
    static let now = Date(timeIntervalSince1970: 1_793_000_000)

    @Test func queuedActionsRoundTripAndShowInTheSnapshot() throws {
        let cache = try CacheDatabase.inMemory()
        let note = try cache.enqueueIncidentAction(
            IncidentAction(incidentId: "P1", kind: .note("rolled back")), at: Self.now)
        var ack = try cache.enqueueIncidentAction(
            IncidentAction(incidentId: "P2", kind: .acknowledge), at: Self.now.addingTimeInterval(1))
        #expect(note.id != ack.id)
        #expect(
            try cache.outstandingIncidentActions(now: Self.now).map(\.action) == [note.action, ack.action])

        ack.state = .conflict
        ack.attempts = 1
        ack.lastAttemptAt = Self.now.addingTimeInterval(60)
        ack.message = "already resolved by Bob Builder"
        try cache.updateIncidentAction(ack)
        var sent = note
        sent.state = .sent
        sent.lastAttemptAt = Self.now.addingTimeInterval(60)
        try cache.updateIncidentAction(sent)

        let snapshot = try cache.snapshot(now: Self.now.addingTimeInterval(120))
        #expect(snapshot.pagerDuty.actions.count == 1)
        let shown = try #require(snapshot.pagerDuty.actions.first)
        #expect(shown.state == .conflict)
        #expect(shown.message == "already resolved by Bob Builder")
        #expect(shown.action == IncidentAction(incidentId: "P2", kind: .acknowledge))
        #expect(snapshot.pagerDuty.latestAction(for: "P2")?.attempts == 1)

        // A conflict is shown for a while, then drops out; pending ones never do.
        let later = Self.now.addingTimeInterval(CacheDatabase.incidentActionShownFor + 3600)
        #expect(try cache.outstandingIncidentActions(now: later).isEmpty)
    }

    @Test func onCallsAreReplaced() throws {
        let cache = try CacheDatabase.inMemory()
        try cache.replaceOnCalls(
            [
                OnCall(
                    userName: "Bob Builder", userId: "PU2", escalationPolicy: "Primary", escalationLevel: 2),
                OnCall(
                    userName: "Alice Example", userId: "PU1", escalationPolicy: "Primary", escalationLevel: 1,
                    scheduleName: "Weekly", end: Self.now),
            ], fetchedAt: Self.now)
        try cache.replaceOnCalls(
            [
                OnCall(
                    userName: "Alice Example", userId: "PU1", escalationPolicy: "Primary", escalationLevel: 1,
                    scheduleName: "Weekly", end: Self.now)
            ], fetchedAt: Self.now)
        let onCalls = try cache.snapshot(now: Self.now).pagerDuty.onCalls
        #expect(onCalls.map(\.userName) == ["Alice Example"])
        #expect(onCalls.first?.end == Self.now)
        #expect(onCalls.first?.scheduleName == "Weekly")
    }

    @Test func cursorMovesAndMarksTheSourceFresh() throws {
        let cache = try CacheDatabase.inMemory()
        #expect(try cache.pagerDutyBackfillCursor() == nil)
        try cache.recordPagerDutyRefresh(cursor: Self.now, fetchedAt: Self.now.addingTimeInterval(5))
        #expect(try cache.pagerDutyBackfillCursor() == Self.now)
        let status = try #require(
            try cache.snapshot(now: Self.now).statuses.first { $0.source == .incidents })
        #expect(status.lastSuccessAt == Self.now.addingTimeInterval(5))
    }
}
