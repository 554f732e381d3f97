import Foundation
import OpsDeckCore
import Testing

@testable import PagerDuty

@Suite("PagerDuty REST client against the fixture server", .timeLimit(.minutes(2)))
struct PagerDutyClientTests {
    static let start = Date(timeIntervalSince1970: 1_793_000_000)

    @Test("Lists pages of 100 with offsets, sending the token and the version-2 Accept header")
    func paging() async throws {
        try await withClient { fixture, factory in
            try await fixture.control(
                "/_fixture/generate", ["count": 250, "start": "2026-10-27T00:00:00Z", "step_seconds": 60])
            let incidents = try await factory.client(fixture).listIncidents(
                since: Self.start.addingTimeInterval(-86_400 * 30),
                until: Self.start.addingTimeInterval(86_400 * 30))
            #expect(incidents.count == 250)
            #expect(Set(incidents.map(\.id)).count == 250)
            let seen = try await fixture.requests().filter { $0.path == "/incidents" }
            #expect(seen.map { $0.value("offset") } == ["0", "100", "200"])
            #expect(seen.allSatisfy { $0.value("limit") == "100" && $0.authorized })
            #expect(seen.allSatisfy { $0.accept == "application/vnd.pagerduty+json;version=2" })
            #expect(seen.allSatisfy { $0.from == nil })
        }
    }

    @Test("Splits the time window instead of paging past the offset cap")
    func windowSplit() async throws {
        try await withClient(offsetCap: 50) { fixture, factory in
            try await fixture.control(
                "/_fixture/generate", ["count": 130, "start": "2026-10-27T00:00:00Z", "step_seconds": 60])
            let since = try #require(try? Date("2026-10-27T00:00:00Z", strategy: .iso8601))
            let incidents = try await factory.client(fixture, pageSize: 10).listIncidents(
                since: since, until: since.addingTimeInterval(3 * 3600))
            #expect(incidents.count == 130)
            #expect(Set(incidents.map(\.id)).count == 130)
            let seen = try await fixture.requests().filter { $0.path == "/incidents" }
            #expect(seen.allSatisfy { (Int($0.value("offset") ?? "0") ?? 0) + 10 <= 50 })
            #expect(Set(seen.compactMap { $0.value("since") }).count > 2)
        }
    }

    @Test("Backfill reads the log entries since the cursor and each incident they touch")
    func backfill() async throws {
        try await withClient { fixture, factory in
            try await fixture.addIncidents([
                ["id": "PAAAAAA", "title": "old", "created_at": "2026-11-01T00:00:00Z"],
                ["id": "PBBBBBB", "title": "new", "created_at": "2026-11-01T02:00:00Z"],
            ])
            try await fixture.control(
                "/_fixture/change",
                ["id": "PAAAAAA", "status": "resolved", "by": "Bob Builder", "at": "2026-11-01T03:00:00Z"])
            let cursor = try Date("2026-11-01T01:00:00Z", strategy: .iso8601)
            let now = try Date("2026-11-02T00:00:00Z", strategy: .iso8601)
            let result = try await factory.client(fixture).backfill(since: cursor, now: now)
            #expect(result.incidents.map(\.id).sorted() == ["PAAAAAA", "PBBBBBB"])
            #expect(result.incidents.first { $0.id == "PAAAAAA" }?.status == .resolved)
            #expect(result.cursor == (try Date("2026-11-01T03:00:00Z", strategy: .iso8601)))
            let logs = try await fixture.requests().filter { $0.path == "/log_entries" }
            #expect(logs.first?.value("since") == "2026-11-01T01:00:00Z")

            let again = try await factory.client(fixture).backfill(
                since: result.cursor.addingTimeInterval(1), now: now)
            #expect(again.incidents.isEmpty)
            #expect(again.cursor == result.cursor.addingTimeInterval(1))
        }
    }

    @Test("Each action sends PagerDuty's request with the From header")
    func actionRequests() async throws {
        try await withClient { fixture, factory in
            try await fixture.addIncidents([["id": "PINC001", "created_at": "2026-11-01T00:00:00Z"]])
            let client = factory.client(fixture, from: "ops@example.com")
            let kinds: [IncidentAction.Kind] = [
                .acknowledge, .snooze(seconds: 3600), .note("disk cleaned"), .reassign(userIds: ["PUSER77"]),
                .resolve,
            ]
            for kind in kinds {
                let outcome = try await client.perform(IncidentAction(incidentId: "PINC001", kind: kind))
                guard case .applied = outcome else {
                    Issue.record("\(kind) was not applied: \(outcome)")
                    continue
                }
            }
            let writes = try await fixture.requests().filter { $0.method != "GET" }
            #expect(
                writes.map { "\($0.method) \($0.path)" } == [
                    "PUT /incidents/PINC001", "POST /incidents/PINC001/snooze",
                    "POST /incidents/PINC001/notes",
                    "PUT /incidents/PINC001", "PUT /incidents/PINC001",
                ])
            #expect(
                writes.allSatisfy { $0.from == "ops@example.com" && $0.contentType == "application/json" })
            #expect(writes[0].body?["incident"]?["status"] == .string("acknowledged"))
            #expect(writes[0].body?["incident"]?["type"] == .string("incident_reference"))
            #expect(writes[1].body?["duration"] == .number(3600))
            #expect(writes[2].body?["note"]?["content"] == .string("disk cleaned"))
            #expect(
                writes[3].body?["incident"]?["assignments"]
                    == .array([
                        .object([
                            "assignee": .object(["id": .string("PUSER77"), "type": .string("user_reference")])
                        ])
                    ]))
            #expect(writes[4].body?["incident"]?["status"] == .string("resolved"))
        }
    }

    @Test("An incident somebody else resolved comes back as a conflict naming them")
    func conflict() async throws {
        try await withClient { fixture, factory in
            try await fixture.addIncidents([["id": "PINC002", "created_at": "2026-11-01T00:00:00Z"]])
            try await fixture.control(
                "/_fixture/change", ["id": "PINC002", "status": "resolved", "by": "Bob Builder"])
            let outcome = try await factory.client(fixture).perform(
                IncidentAction(incidentId: "PINC002", kind: .acknowledge))
            #expect(outcome == .conflict(status: .resolved, by: "Bob Builder"))
        }
    }

    @Test("429 is retried after Retry-After, 5xx after a backoff, through the injected sleeper")
    func retries() async throws {
        try await withClient { fixture, factory in
            try await fixture.addIncidents([["id": "PINC003", "created_at": "2026-11-01T00:00:00Z"]])
            try await fixture.control("/_fixture/fail", ["status": 429, "retry_after": "7", "count": 1])
            try await fixture.control("/_fixture/fail", ["status": 503, "count": 1])
            let incident = try await factory.client(fixture).incident(id: "PINC003")
            #expect(incident.id == "PINC003")
            #expect(await factory.sleeps.waits == [.seconds(7), .seconds(1)])
            #expect(try await fixture.requests().count == 3)
        }
    }

    @Test("A dropped connection is retried for reads")
    func droppedConnection() async throws {
        try await withClient { fixture, factory in
            try await fixture.addIncidents([["id": "PINC004", "created_at": "2026-11-01T00:00:00Z"]])
            try await fixture.control("/_fixture/fail", ["drop": true, "count": 1])
            let incident = try await factory.client(fixture).incident(id: "PINC004")
            #expect(incident.id == "PINC004")
            #expect(await factory.sleeps.waits.count == 1)
        }
    }

    @Test("Writes without a From e-mail are refused before anything is sent")
    func missingFrom() async throws {
        try await withClient { fixture, factory in
            do {
                _ = try await factory.client(fixture, from: nil).perform(
                    IncidentAction(incidentId: "PINC005", kind: .resolve))
                Issue.record("a write without From was attempted")
            } catch let error as PagerDutyError {
                #expect(error == .missingFromEmail)
            }
            let seen = try await fixture.requests()
            #expect(seen.isEmpty)
        }
    }

    @Test("A wrong token is 401 and the message says where the token comes from, not what it is")
    func unauthorized() async throws {
        try await withClient { fixture, factory in
            do {
                _ = try await factory.client(fixture, token: "wrong-secret-value").onCalls()
                Issue.record("a wrong token was accepted")
            } catch let error as PagerDutyError {
                #expect(error == .unauthorized)
                #expect(error.description.contains("PAGERDUTY_TOKEN"))
                #expect(!error.description.contains("wrong-secret-value"))
            }
        }
    }

    @Test("The CloudWatch alarm in the first alert's body gives the alarm ARN, account and region")
    func alertBody() async throws {
        try await withClient { fixture, factory in
            let message =
                #"{"AlarmName":"HighCPU","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:HighCPU"}"#
            try await fixture.addIncidents([
                [
                    "id": "PINC006", "title": "HighCPU", "created_at": "2026-11-01T00:00:00Z",
                    "alert_body": ["Message": message],
                ]
            ])
            let since = try Date("2026-10-31T00:00:00Z", strategy: .iso8601)
            let incidents = try await factory.client(fixture).listIncidents(
                since: since, until: since.addingTimeInterval(86_400 * 2))
            let incident = try #require(incidents.first)
            #expect(incident.alarmARN == "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:HighCPU")
            #expect(incident.accountId == "111122223333")
            #expect(incident.region == "eu-west-1")
        }
    }

    @Test("On-calls are read with earliest=true")
    func onCalls() async throws {
        try await withClient { fixture, factory in
            try await fixture.control(
                "/_fixture/oncalls",
                [
                    "oncalls": [
                        [
                            "user": ["id": "PU1", "summary": "Alice Example"], "escalation_level": 1,
                            "escalation_policy": ["id": "PEP1", "summary": "Primary"],
                            "end": "2026-11-30T00:00:00Z",
                        ],
                        [
                            "user": ["id": "PU2", "summary": "Bob Builder"], "escalation_level": 2,
                            "escalation_policy": ["id": "PEP1", "summary": "Primary"],
                        ],
                    ]
                ])
            let onCalls = try await factory.client(fixture).onCalls()
            #expect(onCalls.map(\.userName) == ["Alice Example", "Bob Builder"])
            #expect(OnCall.summary(onCalls) == "Alice Example")
            #expect(try await fixture.requests().first?.value("earliest") == "true")
        }
    }
}
