import Foundation
import OpsDeckCore

/// Fixed instants and small builders shared by the core tests, so no test reads the clock.
enum CoreFixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }

    static func alarm(
        _ name: String, account: String = "111111111111", region: String = "us-east-1",
        state: Alarm.State = .alarm,
        updated: TimeInterval = 60, severity: Severity? = nil
    ) -> Alarm {
        Alarm(
            arn: "arn:aws:cloudwatch:\(region):\(account):alarm:\(name)", name: name, accountId: account,
            region: region, state: state, stateUpdatedAt: ago(updated), severity: severity)
    }

    static func incident(
        _ id: String, title: String = "Something broke", status: Incident.Status = .triggered,
        urgency: Incident.Urgency = .high, priority: String? = nil, created: TimeInterval = 60,
        incidentKey: String? = nil, alarmARN: String? = nil, account: String? = nil, region: String? = nil
    ) -> Incident {
        Incident(
            id: id, number: 1, title: title, status: status, urgency: urgency, priority: priority,
            serviceName: "payments", createdAt: ago(created), updatedAt: ago(created),
            incidentKey: incidentKey,
            alarmARN: alarmARN, accountId: account, region: region)
    }

    static func role(
        _ name: String, in account: String, trust: String = "P", breakGlass: Bool = false
    ) -> Role {
        Role(
            accountId: account, name: name, arn: "arn:aws:iam::\(account):role/\(name)", trustPolicy: trust,
            isBreakGlass: breakGlass)
    }

    static func status(
        _ source: Source = .alarms, success: TimeInterval? = nil, error: String? = nil, account: String = "1"
    ) -> SourceStatus {
        SourceStatus(
            source: source, accountId: account, region: "us-east-1", lastAttemptAt: now,
            lastSuccessAt: success.map(ago), lastError: error)
    }
}

/// A tiny deterministic generator (SplitMix64) for property-style tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
