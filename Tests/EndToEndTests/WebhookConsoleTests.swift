import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension EndToEnd {
    @Suite("PagerDuty webhook receiver")
    struct WebhookConsoleTests {
        static let secret = "e2e-webhook-secret-0f3a"
        static let title = "Webhook e2e disk full on db-7"

        @Test(
            "webhook serve refuses a config file with secrets that group or others can read",
            arguments: [0o644, 0o640, 0o604])
        func refusesReadableConfig(mode: Int) async throws {
            let binary = try OpsDeckBinary.require()
            let sandbox = try TestSandbox.make()
            defer { sandbox.remove() }
            let config = sandbox.configHome.appendingPathComponent("webhook.toml").path
            try "[pagerduty]\nwebhook_secrets = [\"\(Self.secret)\"]\n"
                .write(toFile: config, atomically: true, encoding: .utf8)
            #expect(chmod(config, mode_t(mode)) == 0)
            let cache = sandbox.cacheHome.appendingPathComponent("cache.sqlite").path

            let result = try await ProcessRunner.run(
                binary,
                ["webhook", "serve", "--listen", "127.0.0.1:0", "--config", config, "--cache", cache],
                environment: sandbox.environment, scratch: sandbox.scratch, timeout: .seconds(30))

            #expect(result.status == 1 && !result.signaled, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("\(config) holds webhook secrets"), "stderr: \(result.stderr)")
            #expect(result.stderr.contains("run: chmod 600 \(config)"), "stderr: \(result.stderr)")
            #expect(!result.stderr.contains("listening on"), "stderr: \(result.stderr)")
            #expect(!result.stderr.contains(Self.secret) && !result.stdout.contains(Self.secret))
        }

        @Test("--demo --webhook-listen: a signed delivery is stored and its incident shows in Alerts")
        func consoleReceivesDelivery() async throws {
            let binary = try OpsDeckBinary.require()
            let port = try Self.freePort()
            let arguments = ["--demo", "--webhook-listen", "127.0.0.1:\(port)"]
            try await TmuxSession.with(
                ShellWrapper.command(binary: binary, arguments: arguments),
                extraEnvironment: ["PS1": "$ ", "OPSDECK_PAGERDUTY_WEBHOOK_SECRETS": Self.secret]
            ) { session in
                // The receiver starts before the first frame: once the dashboard is up, it listens.
                let dashboard = try await DemoApp.waitForDashboard(session)
                #expect(!dashboard.contains("receiver not started"), "\(ScreenText.framed(dashboard))")
                #expect(!dashboard.contains(Self.title))

                let sent = try await ProcessRunner.run(
                    "/usr/bin/env",
                    ["python3", "-c", Self.deliveryScript, String(port), Self.secret, Self.title],
                    environment: session.sandbox.environment, scratch: session.sandbox.scratch,
                    timeout: .seconds(30))
                // A wrong signature is refused; the signed delivery is answered 202 once stored,
                // its retry (same X-Webhook-Id) 200 as a duplicate.
                #expect(sent.stdout.split(separator: "\n") == ["403", "202", "200"], "\(sent)")

                try await session.sendKeys("4", "z")
                try await session.waitForAbsence(of: "1 Accounts", "5 Cost")
                try await session.sendKeys("/")
                try await session.type("Webhook e2e")
                try await session.sendKeys("Enter")
                let screen = try await session.waitFor(Self.title)
                let row = ScreenText.lines(screen).first { $0.contains(Self.title) } ?? ""
                #expect(row.contains("PD") && row.contains("triggered"), "\(ScreenText.framed(screen))")
                #expect(!screen.contains(Self.secret))
            }
        }

        /// Signs with HMAC-SHA256 as PagerDuty does (`v1=<hex>`) and prints each status.
        static let deliveryScript = #"""
            import hashlib, hmac, http.client, json, sys
            port, secret, title = int(sys.argv[1]), sys.argv[2], sys.argv[3]
            body = json.dumps({"event": {
                "id": "01E2EWEBHOOKEVENT", "event_type": "incident.triggered", "resource_type": "incident",
                "occurred_at": "2026-11-24T07:00:00.000Z", "agent": None,
                "data": {"id": "PE2E1", "type": "incident", "number": 9001, "status": "triggered",
                    "title": title, "created_at": "2026-11-24T06:59:00Z", "urgency": "high",
                    "html_url": "https://acme.pagerduty.com/incidents/PE2E1",
                    "service": {"id": "PSVCE2E", "summary": "Payments API", "type": "service_reference"},
                    "assignees": [{"id": "PU2", "summary": "Ada", "type": "user_reference"}],
                    "escalation_policy": {"id": "PEP1", "summary": "Payments on-call",
                        "type": "escalation_policy_reference"}}}}).encode()
            def post(signature):
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
                connection.request("POST", "/webhooks/pagerduty", body, {
                    "Content-Type": "application/json", "X-Webhook-Id": "e2e-delivery-1",
                    "X-PagerDuty-Signature": signature})
                response = connection.getresponse()
                response.read()
                connection.close()
                print(response.status, flush=True)
            post("v1=" + "0" * 64)
            good = "v1=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            post(good)
            post(good)
            """#

        /// A port nothing listens on right now (bound to 0, read back, released).
        static func freePort() throws -> Int {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else {
                throw E2EError.processFailed(command: "socket()", status: errno, stderr: "")
            }
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
                }
            }
            guard bound else { throw E2EError.processFailed(command: "bind()", status: errno, stderr: "") }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }
}
