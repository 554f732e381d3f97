import Foundation
import OpsDeckTestSupport
import Testing

@testable import PagerDuty

/// The incidents source through the built binary: `opsdeck refresh --only incidents`, an
/// action queued while PagerDuty is down, `opsdeck incidents flush` once it is back, and
/// `opsdeck doctor`'s token check, all against the fixture server.
@Suite("opsdeck refresh/flush/doctor with PagerDuty", .timeLimit(.minutes(3)))
struct IncidentsRefreshCommandLineTests {
    static let binary = IncidentsCommandLineTests.binary

    struct Run {
        let status: Int32
        let out: String
        let err: String
    }

    /// A home with a config pointing at the fixture; removed when the test ends.
    final class Home: Sendable {
        let url: URL
        var config: String { url.appendingPathComponent("config.toml").path }
        var cache: String { url.appendingPathComponent("cache.sqlite").path }

        init(fixture: PagerDutyFixture) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "opsdeck-pdwire-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let text = """
                [pagerduty]
                base_url = "\(fixture.baseURL.absoluteString)"
                user_email = "ops@example.com"

                """
            guard
                FileManager.default.createFile(
                    atPath: config, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            else { throw FixtureError.notReady("cannot write \(config)") }
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// Runs the binary with stdin from /dev/null, no AWS credentials and the fixture's token.
    func run(_ arguments: [String], home: Home, token: String = PagerDutyFixture.token) async throws -> Run {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary),
            "\(Self.binary) is missing: run `swift build` first")
        let environment = [
            "HOME": home.url.path, "XDG_STATE_HOME": home.url.path + "/state",
            "XDG_CACHE_HOME": home.url.path + "/cache", "XDG_CONFIG_HOME": home.url.path + "/config",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PAGERDUTY_TOKEN": token,
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "us-east-1",
        ]
        let child = try ChildProcess.spawn(
            Self.binary, arguments + ["--config", home.config], environment: environment,
            outputDirectory: home.url)
        let exit = try await child.wait(timeout: .seconds(60))
        #expect(!exit.signaled, "\(exit)")
        let out = child.standardOutput
        let err = child.standardError
        #expect(!out.contains(token) && !err.contains(token), "the token was printed")
        return Run(status: exit.code, out: out, err: err)
    }

    /// The Alerts pane's rows as `opsdeck export alerts` prints them from the cache.
    func alerts(_ home: Home) async throws -> [[String: Any]] {
        let export = try await run(
            ["export", "alerts", "--format", "json", "--cache", home.cache], home: home)
        #expect(export.status == 0, "\(export.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [[String: Any]])
    }

    @Test("refresh --only incidents fills the cache; ack while down is queued (5) and flush sends it")
    func refreshQueueFlush() async throws {
        try await withPagerDutyFixture { fixture in
            let home = try Home(fixture: fixture)
            let created = Date().addingTimeInterval(-3600).formatted(.iso8601)
            let incident: [String: Any] = [
                "id": "PWIRE01", "title": "Checkout 5xx above 2%", "created_at": created, "priority": "P1",
            ]
            try await fixture.addIncidents([incident])
            try await fixture.control(
                "/_fixture/oncalls",
                ["oncalls": [["user": ["id": "PU1", "summary": "Alice Example"], "escalation_level": 1]]])

            let refreshed = try await run(
                ["refresh", "--only", "incidents", "--cache", home.cache], home: home)
            #expect(refreshed.status == 0, "\(refreshed.err)")
            let seen = try await fixture.requests()
            #expect(seen.contains { $0.path == "/incidents" } && seen.contains { $0.path == "/oncalls" })
            #expect(!seen.contains { $0.method != "GET" }, "a refresh with an empty queue changes nothing")
            let rows = try await alerts(home)
            #expect(rows.contains { ($0["title"] as? String)?.contains("Checkout 5xx") == true }, "\(rows)")

            await fixture.stop()
            let failed = try await run(["refresh", "--only", "incidents", "--cache", home.cache], home: home)
            #expect(failed.status == 1)
            #expect(failed.err.contains("incidents * global") && failed.err.contains("cannot be reached"))

            let queued = try await run(
                ["incidents", "ack", "PWIRE01", "--yes", "--cache", home.cache], home: home)
            #expect(queued.status == 5, "\(queued.err)")
            #expect(queued.err.contains("queued") && queued.err.contains("opsdeck incidents flush"))
            let pending = try await alerts(home)
            #expect(
                pending.contains { ($0["status"] as? String)?.hasPrefix("ack") == true },
                "the row shows the queued action: \(pending)")

            let stillDown = try await run(["incidents", "flush", "--cache", home.cache], home: home)
            #expect(stillDown.status == 3)
            #expect(stillDown.err.contains("1 action(s) still queued"))

            // The fixture forgets its data when restarted: give it the incident again.
            try await fixture.restart()
            try await fixture.addIncidents([incident])
            let readonly = try await run(
                ["incidents", "flush", "--readonly", "--cache", home.cache], home: home)
            #expect(readonly.status == 2)
            let flushed = try await run(["incidents", "flush", "--cache", home.cache], home: home)
            #expect(flushed.status == 0, "\(flushed.err)")
            #expect(flushed.out.contains("ack PWIRE01: sent"))
            let writes = try await fixture.requests().filter { $0.method == "PUT" }
            #expect(writes.count == 1)
            #expect(writes.first?.path == "/incidents/PWIRE01")
            #expect(writes.first?.body?["incident"]?["status"] == .string("acknowledged"))

            let acknowledged = try await alerts(home)
            #expect(
                acknowledged.contains { $0["status"] as? String == "acknowledged" },
                "the flushed incident is read again: \(acknowledged)")

            let again = try await run(["incidents", "flush", "--cache", home.cache], home: home)
            #expect(again.status == 0)
            #expect(again.out.contains("nothing queued"))
        }
    }

    @Test("doctor names where the token comes from and whether PagerDuty takes it, never the token")
    func doctor() async throws {
        try await withPagerDutyFixture { fixture in
            let home = try Home(fixture: fixture)
            let good = try await run(["doctor", "--cache", home.cache], home: home)
            #expect(good.out.contains("== pagerduty"))
            #expect(good.out.contains("token: from environment variable PAGERDUTY_TOKEN"))
            #expect(good.out.contains("/abilities: OK"), "\(good.out)")
            #expect(try await fixture.requests().contains { $0.path == "/abilities" && $0.authorized })

            let wrong = try await run(
                ["doctor", "--cache", home.cache], home: home, token: "revoked-token-51ce")
            #expect(wrong.status == 1)
            #expect(wrong.out.contains("401"))
        }
    }
}
