import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckCache

/// The timeline column is rewritten for every webhook event, so it has its own one-pass
/// coder; what it writes must read back exactly, and rows `JSONEncoder` wrote must still read.
@Suite struct TimelineCodingTests {
    static let entries = [
        IncidentTimelineEntry(
            eventId: "ev-1", eventType: "incident.triggered",
            occurredAt: Date(timeIntervalSinceReferenceDate: 817_200_000.125), agent: "Grace",
            text: "Triggered"),
        IncidentTimelineEntry(
            eventId: "ev-\"2\"", eventType: "incident.annotated",
            occurredAt: Date(timeIntervalSinceReferenceDate: 817_200_001), agent: nil,
            text: "Note: \"disk\" at C:\\tmp/x\n\tline\u{01}two \u{7f} é 🚒 \u{2028}"),
        IncidentTimelineEntry(
            eventId: "ev-3", eventType: "incident.workflow.started",
            occurredAt: Date(timeIntervalSinceReferenceDate: -3.5e-7), agent: "", text: ""),
    ]

    @Test func roundTrips() {
        let text = IncidentTimelineCoding.encode(Self.entries)
        #expect(IncidentTimelineCoding.decode(text) == Self.entries)
        // Valid JSON for any other reader too.
        let viaFoundation = try? JSONDecoder().decode([IncidentTimelineEntry].self, from: Data(text.utf8))
        #expect(viaFoundation == Self.entries)
    }

    @Test func readsWhatJSONEncoderWrote() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(Self.entries), as: UTF8.self)
        #expect(IncidentTimelineCoding.decode(text) == Self.entries)
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted]
        let spaced = String(decoding: try pretty.encode(Self.entries), as: UTF8.self)
        #expect(IncidentTimelineCoding.decode(spaced) == Self.entries)
    }

    @Test func emptyAndUnreadable() {
        #expect(IncidentTimelineCoding.encode([]) == "[]")
        #expect(IncidentTimelineCoding.decode("[]").isEmpty)
        #expect(IncidentTimelineCoding.decode("[{\"eventId\":\"a\"").isEmpty)
        #expect(IncidentTimelineCoding.decode("not json").isEmpty)
    }
}
