import Foundation
import OpsDeckTestSupport
import Testing

@testable import PagerDuty

/// `opsdeck incidents` as a script runs it: the built binary against the fixture server.
@Suite("opsdeck incidents against the fixture server", .timeLimit(.minutes(3)))
struct IncidentsCommandLineTests {
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/opsdeck").path

    struct Run {
        let status: Int32
        let out: String
        let err: String
    }

    /// Runs the binary with stdin from /dev/null (not a terminal: nobody to confirm).
    func run(_ arguments: [String], fixture: PagerDutyFixture, token: String = PagerDutyFixture.token)
        async throws -> Run
    {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary),
            "\(Self.binary) is missing: run `swift build` first")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(
            "opsdeck-pdcli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config.toml")
        let text = """
            [pagerduty]
            base_url = "\(fixture.baseURL.absoluteString)"
            user_email = "ops@example.com"

            """
        #expect(
            FileManager.default.createFile(
                atPath: config.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
        let environment = [
            "HOME": home.path, "XDG_STATE_HOME": home.path + "/state", "XDG_CACHE_HOME": home.path + "/cache",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PAGERDUTY_TOKEN": token,
        ]
        let child = try ChildProcess.spawn(
            Self.binary, ["incidents"] + arguments + ["--config", config.path], environment: environment,
            outputDirectory: home)
        let exit = try await child.wait(timeout: .seconds(60))
        #expect(!exit.signaled, "\(exit)")
        let out = child.standardOutput
        let err = child.standardError
        #expect(!out.contains(token) && !err.contains(token), "the token was printed")
        return Run(status: exit.code, out: out, err: err)
    }

    @Test("list --format json prints the incidents")
    func listJSON() async throws {
        try await withPagerDutyFixture { fixture in
            let created = Date().addingTimeInterval(-3600).formatted(.iso8601)
            try await fixture.addIncidents([
                ["id": "PCLI001", "title": "Checkout 5xx", "created_at": created, "priority": "P1"],
                ["id": "PCLI002", "title": "Queue depth", "created_at": created, "status": "acknowledged"],
            ])
            let result = try await run(["list", "--format", "json"], fixture: fixture)
            #expect(result.status == 0, "\(result.err)")
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
            #expect(rows.compactMap { $0["id"] as? String }.sorted() == ["PCLI001", "PCLI002"])
            #expect(rows.first { $0["id"] as? String == "PCLI001" }?["priority"] as? String == "P1")

            let csv = try await run(
                ["list", "--format", "csv", "--status", "acknowledged"], fixture: fixture)
            #expect(csv.status == 0, "\(csv.err)")
            let lines = csv.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("id,number,status") == true)
            #expect(lines.count == 2)
            #expect(lines.last?.hasPrefix("PCLI002,") == true)
        }
    }

    @Test("ack --yes sends the update with the configured From; without --yes nothing is sent")
    func ackNeedsConfirmation() async throws {
        try await withPagerDutyFixture { fixture in
            try await fixture.addIncidents([["id": "PCLI003", "created_at": "2026-11-01T00:00:00Z"]])
            let refused = try await run(["ack", "PCLI003"], fixture: fixture)
            #expect(refused.status == 2)
            #expect(refused.err.contains("--yes"))
            #expect(try await fixture.requests().allSatisfy { $0.method == "GET" })

            let readonly = try await run(["ack", "PCLI003", "--yes", "--readonly"], fixture: fixture)
            #expect(readonly.status == 2)
            #expect(readonly.err.contains("--readonly"))

            let done = try await run(["ack", "PCLI003", "--yes"], fixture: fixture)
            #expect(done.status == 0, "\(done.err)")
            let writes = try await fixture.requests().filter { $0.method == "PUT" }
            #expect(writes.count == 1)
            #expect(writes.first?.from == "ops@example.com")
            #expect(writes.first?.body?["incident"]?["status"] == .string("acknowledged"))
        }
    }

    @Test("A conflict exits 4 naming who was first; with PagerDuty unreachable the action is queued (5)")
    func conflictAndUnreachable() async throws {
        try await withPagerDutyFixture { fixture in
            try await fixture.addIncidents([["id": "PCLI004", "created_at": "2026-11-01T00:00:00Z"]])
            try await fixture.control(
                "/_fixture/change", ["id": "PCLI004", "status": "resolved", "by": "Bob Builder"])
            let conflict = try await run(["note", "PCLI004", "text", "--yes"], fixture: fixture)
            #expect(conflict.status == 0, "a note on a resolved incident is fine: \(conflict.err)")
            let resolve = try await run(["resolve", "PCLI004", "--yes"], fixture: fixture)
            #expect(resolve.status == 4, "\(resolve.err)")
            #expect(resolve.err.contains("already resolved by Bob Builder"))

            let wrongToken = try await run(["list"], fixture: fixture, token: "not-the-token-9d2c")
            #expect(wrongToken.status == 1)
            #expect(wrongToken.err.contains("PAGERDUTY_TOKEN"))

            await fixture.stop()
            let down = try await run(["resolve", "PCLI004", "--yes"], fixture: fixture)
            #expect(down.status == 5, "\(down.err)")
            #expect(down.err.contains("cannot be reached") && down.err.contains("queued"))
        }
    }
}
