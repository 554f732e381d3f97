import Foundation
import OpsDeckCore
import Testing

@Suite struct SeverityTests {
    @Test(arguments: [
        ("prod-api-5xx-critical", Severity.critical),
        ("P1-checkout-down", .critical),
        ("sev1_payments", .critical),
        ("api-latency-p2", .high),
        ("Major outage", .high),
        ("db-cpu-warning", .warning),
        ("queue-depth-minor", .warning),
        ("db-disk-info", .info),
        ("nightly-p4-report", .info),
        ("CRITICAL", .critical),
        ("plain-name", .warning),
        ("", .warning),
    ])
    func fromTheName(name: String, expected: Severity) {
        #expect(Severity.infer(name: name, tags: [:]) == expected)
    }

    @Test func theTagWinsOverTheName() {
        #expect(Severity.infer(name: "db-cpu-warning", tags: ["Severity": "P1"]) == .critical)
        #expect(Severity.infer(name: "db-cpu-critical", tags: ["severity": "low"]) == .info)
        #expect(Severity.infer(name: "x", tags: ["Severity": "sev-2"]) == .high)
    }

    @Test func anUnrecognisedTagFallsBackToTheName() {
        #expect(Severity.infer(name: "api-critical", tags: ["Severity": "urgent"]) == .critical)
    }

    @Test(arguments: [
        ("crit", Severity.critical), ("fatal", .critical), ("page", .critical), ("SEV-1", .critical),
        ("error", .high), ("sev2", .high),
        ("warn", .warning), ("medium", .warning), ("p3", .warning),
        ("low", .info), ("notice", .info), ("p5", .info), ("sev5", .info),
    ])
    func looseSpellings(text: String, expected: Severity) {
        #expect(Severity(loose: text) == expected)
    }

    @Test(arguments: ["", "p0", "sev", "urgent", "critically"])
    func unrecognisedSpellings(text: String) {
        #expect(Severity(loose: text) == nil)
    }

    @Test func criticalSortsFirst() {
        var rng = SeededGenerator(seed: 3)
        #expect(Severity.allCases.shuffled(using: &rng).sorted() == [.critical, .high, .warning, .info])
        #expect(min(Severity.info, .high) == .high)
    }

    @Test func alarmInfersItsSeverityUnlessGivenOne() {
        let date = CoreFixtures.now
        let inferred = Alarm(
            arn: "a", name: "checkout-p1", accountId: "1", region: "us-east-1", state: .alarm,
            stateUpdatedAt: date)
        #expect(inferred.severity == .critical)
        let given = Alarm(
            arn: "a", name: "checkout-p1", accountId: "1", region: "us-east-1", state: .alarm,
            stateUpdatedAt: date,
            severity: .info)
        #expect(given.severity == .info)
        let tagged = Alarm(
            arn: "a", name: "checkout", accountId: "1", region: "us-east-1", state: .alarm,
            stateUpdatedAt: date,
            tags: ["Severity": "high"])
        #expect(tagged.severity == .high)
    }

    @Test(
        arguments: [
            ("P1", Incident.Urgency.low, Severity.critical),
            ("P4", .high, .info),
            (nil, .high, .high),
            (nil, .low, .warning),
            ("P9", .high, .high),
        ] as [(String?, Incident.Urgency, Severity)])
    func incidentSeverityFromPriorityThenUrgency(
        priority: String?, urgency: Incident.Urgency, expected: Severity
    ) {
        let incident = CoreFixtures.incident("P", urgency: urgency, priority: priority)
        #expect(incident.severity == expected)
    }
}

/// Names that mention a severity word after an unrelated one.
@Suite struct SeverityNameOrderTests {
    /// The first token that reads as a severity wins, so "low" (disk space) or "error"
    /// (rate) in front outranks an explicit "critical" or "p1" later in the name, and a
    /// critical alarm sorts last in the inbox.
    @Test(arguments: [
        ("low-disk-space-critical", Severity.critical),
        ("api-error-rate-p1", .critical),
        ("notice-board-sev1", .critical),
    ])
    func theMostSevereWordInTheNameWins(name: String, expected: Severity) {
        #expect(Severity.infer(name: name, tags: [:]) == expected)
    }
}
