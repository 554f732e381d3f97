import Foundation
import Testing

@testable import BreakGlass

@Suite struct AuditEncodingTests {
    @Test func canonicalJSONSortsKeysAndEscapesOnlyWhatJSONNeeds() {
        let text = CanonicalJSON.encode([
            "b": .string("quote \" slash \\ tab \t bell \u{7} é/"), "a": .integer(-3), "Z": .string(""),
        ])
        #expect(text == #"{"Z":"","a":-3,"b":"quote \" slash \\ tab \t bell \u0007 é/"}"#)
    }

    @Test func canonicalJSONRoundTrips() throws {
        let object: [String: CanonicalJSON.Value] = [
            "reason": .string("line\nbreak \u{1F6A8}"), "seq": .integer(42),
        ]
        let decoded = try CanonicalJSON.decode(Data(CanonicalJSON.encode(object).utf8))
        #expect(decoded == object)
    }

    @Test func otherValueTypesAreRejected() {
        #expect(throws: (any Error).self) { try CanonicalJSON.decode(Data(#"{"a":true}"#.utf8)) }
        #expect(throws: (any Error).self) { try CanonicalJSON.decode(Data(#"{"a":1.5}"#.utf8)) }
        #expect(throws: (any Error).self) { try CanonicalJSON.decode(Data(#"{"a":{"b":1}}"#.utf8)) }
    }

    @Test func anEntryRoundTripsThroughItsLine() throws {
        var entry = AuditFixtures.request(7)
        entry.seq = 7
        entry.previousHash = AuditEntry.genesisHash
        entry.hash = AuditEntry.hash(of: entry.fields)
        let fields = try CanonicalJSON.decode(Data(entry.line.utf8))
        #expect(AuditEntry(fields: fields) == entry)
        #expect(AuditEntry.hash(of: fields) == entry.hash)
        #expect(entry.hash.count == 64)
    }

    @Test func theHashCoversEveryFieldButItself() {
        var entry = AuditFixtures.request(1)
        let base = AuditEntry.hash(of: entry.fields)
        entry.hash = "anything"
        #expect(AuditEntry.hash(of: entry.fields) == base)
        entry.ticket = "INC-2"
        #expect(AuditEntry.hash(of: entry.fields) != base)
    }

    @Test(arguments: [
        (Date(timeIntervalSince1970: 0), "1970-01-01T00:00:00.000Z"),
        (Date(timeIntervalSince1970: 1_795_000_000.1234), "2026-11-18T11:06:40.123Z"),
    ])
    func timestampsAreFixedWidthUTC(date: Date, text: String) {
        #expect(AuditEntry.timestamp(date) == text)
        #expect(AuditEntry.date(text).map(AuditEntry.timestamp) == text)
    }

    @Test(arguments: [
        ("30m", -1800.0), ("24h", -86_400.0), ("7d", -604_800.0), ("2w", -1_209_600.0),
    ])
    func relativeSince(text: String, offset: Double) {
        let now = AuditFixtures.start
        #expect(AuditListing.since(text, now: now) == now.addingTimeInterval(offset))
    }

    @Test func absoluteSinceAndNonsense() {
        let now = AuditFixtures.start
        #expect(AuditListing.since("2026-11-24", now: now) == AuditEntry.date("2026-11-24T00:00:00Z"))
        #expect(
            AuditListing.since("2026-11-24T07:00:00Z", now: now) == AuditEntry.date("2026-11-24T07:00:00Z"))
        #expect(AuditListing.since("yesterday", now: now) == nil)
    }

    @Test func tableAndJSONListings() throws {
        var entry = AuditFixtures.request(1)
        entry.seq = 1
        let failure = entry.outcome(at: AuditFixtures.start, error: "AccessDenied: MFA required")
        let table = AuditListing.render([entry, failure], format: .table)
        let lines = table.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("TIME"))
        #expect(lines[1].contains("210987654321 (payments-prod)") && lines[1].contains("INC-1"))
        #expect(lines[1].hasSuffix("database failover in payments"))
        #expect(lines[2].contains("failure") && lines[2].hasSuffix("AccessDenied: MFA required"))
        let json = AuditListing.render([entry], format: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.first?["role"] as? String == "BreakGlassAdmin")
        #expect(AuditListing.render([], format: .json) == "[]\n")
    }
}
