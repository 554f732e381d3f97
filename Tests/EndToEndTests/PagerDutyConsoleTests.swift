import Foundation
import Testing

extension EndToEnd {
    /// The live console with only PagerDuty configured (no AWS credentials): incidents
    /// arrive from the incidents source, and an acknowledge made while PagerDuty is down
    /// waits as pending until `r` sends it.
    @Suite(
        "Live console: PagerDuty incidents, the queue and r",
        .enabled(if: PagerDutyFixtureServer.isAvailable, "needs python3"))
    struct PagerDutyConsoleTests {
        @Test("Incidents appear; a y sends a but PagerDuty is down: pending, then r acknowledges it")
        func acknowledgeWhileDownThenRefresh() async throws {
            let binary = try OpsDeckBinary.require()
            let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
                .appendingPathComponent("opsdeck-pdcon-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let fixture = try await PagerDutyFixtureServer.start(scratch: scratch)
            defer { fixture.stop() }
            let created = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-600))
            let incident: [String: Any] = [
                "id": "PE2E001", "title": "Ledger writes failing", "created_at": created,
                "status": "triggered",
            ]
            try await fixture.control("/_fixture/incidents", ["incidents": [incident]])
            try await fixture.control(
                "/_fixture/oncalls",
                ["oncalls": [["user": ["id": "PU1", "summary": "Alice Example"], "escalation_level": 1]]])

            let config = scratch.appendingPathComponent("config.toml")
            try
                "regions = [\"us-east-1\"]\n\n[pagerduty]\nbase_url = \"\(fixture.baseURL)\"\nuser_email = \"ops@example.com\"\n"
                .write(to: config, atomically: true, encoding: .utf8)
            let cache = scratch.appendingPathComponent("cache.sqlite").path
            let environment = [
                "PAGERDUTY_TOKEN": PagerDutyFixtureServer.token, "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "PS1": "$ ",
            ]
            try await TmuxSession.with(
                ShellWrapper.command(binary: binary, arguments: ["--config", config.path, "--cache", cache]),
                extraEnvironment: environment
            ) { session in
                // No AWS credentials: the AWS sources fail, the incidents source still runs.
                try await session.sendKeys("4")
                // (The header's on-call names give way to the AWS error here; the demo shows them.)
                let listed = try await session.waitUntil("the incident", timeout: .seconds(60)) {
                    Self.row($0, "Ledger")?.contains("triggered") == true
                }
                #expect(!listed.contains(PagerDutyFixtureServer.token))

                fixture.stop()
                try await session.sendKeys("a")
                try await session.waitFor("y confirm")
                try await session.sendKeys("y")
                // The send has given up (not just begun) before PagerDuty comes back: only r sends it.
                let pending = try await session.waitUntil(
                    "the row pending, the send given up", timeout: .seconds(30)
                ) {
                    Self.row($0, "Ledger")?.contains("ack…") == true && $0.contains("is queued")
                }
                #expect(Self.row(pending, "Ledger")?.contains("acknowledged") == false)

                try await fixture.restart()
                try await fixture.control("/_fixture/incidents", ["incidents": [incident]])
                try await session.sendKeys("r")
                try await session.waitUntil("the row acknowledged", timeout: .seconds(60)) {
                    Self.row($0, "Ledger")?.contains("acknowledged") == true
                }
                try await session.sendKeys("q")
                let exit = try await session.waitUntil("the wrapper's report") { ShellWrapper.isAtPrompt($0) }
                #expect(ShellWrapper.exitStatus(in: exit) == 0, "\(ScreenText.framed(exit))")
            }
        }

        /// The screen line holding `title`, if any.
        static func row(_ screen: String, _ title: String) -> String? {
            ScreenText.lines(screen).first { $0.contains(title) }
        }
    }
}
