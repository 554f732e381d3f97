import Foundation
import Testing

extension EndToEnd {
    /// The live console against a seeded moto: it refreshes what is due on its own, and `r`
    /// refreshes the focused pane with progress in the status bar.
    @Suite(
        "Live console: scheduled refresh and r against moto",
        .enabled(if: LiveMoto.isAvailable, "needs python3 with boto3 and moto[server]"))
    struct LiveRefreshTests {
        @Test("r on Roles shows progress, then the refreshed rows and a message")
        func pressingRRefreshesTheFocusedPaneWithProgress() async throws {
            let binary = try OpsDeckBinary.require()
            let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
                .appendingPathComponent("opsdeck-live-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let moto = try await LiveMoto.start(scratch: scratch)
            defer { moto.stop() }

            // One region and one fetch at a time: the refresh lasts long enough to be seen.
            let config = scratch.appendingPathComponent("config.toml")
            try "regions = [\"us-east-1\"]\n\n[aws]\nconcurrency = 1\n".write(
                to: config, atomically: true, encoding: .utf8)
            let cache = scratch.appendingPathComponent("cache.sqlite").path
            let environment = [
                "AWS_ACCESS_KEY_ID": moto.accessKeyId, "AWS_SECRET_ACCESS_KEY": moto.secretAccessKey,
                "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": moto.endpoint,
                "AWS_EC2_METADATA_DISABLED": "true",
                "PS1": "$ ",
            ]
            // The shortest name: the dashboard's Accounts column shows it whole.
            let member = try #require(moto.accountNames.dropFirst().min { $0.count < $1.count })
            try await TmuxSession.with(
                ShellWrapper.command(binary: binary, arguments: ["--config", config.path, "--cache", cache]),
                extraEnvironment: environment
            ) { session in
                // An empty cache: every source is due, the console fetches the organization.
                try await session.waitFor(member, timeout: .seconds(60))
                try await session.sendKeys("2")
                try await session.waitUntil("the first refresh to end, roles listed", timeout: .seconds(60)) {
                    $0.contains("DeployRole") && !Self.statusLine($0).contains("refreshing")
                }
                try await session.sendKeys("r")
                let during = try await session.waitUntil(
                    "progress of the roles refresh", timeout: .seconds(30)
                ) {
                    Self.statusLine($0).contains("refreshing roles")
                }
                #expect(Self.statusLine(during).contains("accounts"), "\(ScreenText.framed(during))")
                let after = try await session.waitUntil("the refresh's message", timeout: .seconds(60)) {
                    Self.statusLine($0).contains("Refreshed roles")
                }
                #expect(after.contains("DeployRole"))
                #expect(!after.contains(moto.secretAccessKey))
                try await session.sendKeys("q")
                let exit = try await session.waitUntil("the wrapper's report") { ShellWrapper.isAtPrompt($0) }
                #expect(ShellWrapper.exitStatus(in: exit) == 0, "\(ScreenText.framed(exit))")
            }
        }

        @Test("An mfa_serial role: a masked prompt; Esc fails the refresh, a code lets it through")
        func theMFAPromptIsMaskedAndCancellable() async throws {
            let binary = try OpsDeckBinary.require()
            let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
                .appendingPathComponent("opsdeck-mfa-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let moto = try await LiveMoto.start(scratch: scratch)
            defer { moto.stop() }

            let management = try #require(moto.accountIds.first)
            let member = try #require(moto.accountIds.dropFirst().first)
            let serial = "arn:aws:iam::\(management):mfa/alice"
            let awsConfig = scratch.appendingPathComponent("aws-config")
            try """
            [profile reader]
            role_arn = arn:aws:iam::\(member):role/OpsDeckReadOnly
            source_profile = base
            mfa_serial = \(serial)
            region = us-east-1
            """.write(to: awsConfig, atomically: true, encoding: .utf8)
            let awsCredentials = scratch.appendingPathComponent("aws-credentials")
            try
                "[base]\naws_access_key_id = \(moto.accessKeyId)\naws_secret_access_key = \(moto.secretAccessKey)\n"
                .write(to: awsCredentials, atomically: true, encoding: .utf8)
            let config = scratch.appendingPathComponent("config.toml")
            try "regions = [\"us-east-1\"]\n".write(to: config, atomically: true, encoding: .utf8)
            let environment = [
                "AWS_CONFIG_FILE": awsConfig.path, "AWS_SHARED_CREDENTIALS_FILE": awsCredentials.path,
                "AWS_ENDPOINT_URL": moto.endpoint, "AWS_EC2_METADATA_DISABLED": "true", "PS1": "$ ",
            ]
            let arguments = [
                "--profile", "reader", "--config", config.path, "--cache",
                scratch.appendingPathComponent("c.sqlite").path,
            ]
            let code = "493817"
            try await TmuxSession.with(
                ShellWrapper.command(binary: binary, arguments: arguments), extraEnvironment: environment
            ) { session in
                // The first scheduled refresh needs the role, so the console asks.
                try await session.waitUntil("the MFA prompt", timeout: .seconds(60)) {
                    Self.statusLine($0).contains("MFA code for \(serial)")
                }
                try await session.sendKeys("Escape")
                try await session.waitUntil("the refresh failing as cancelled", timeout: .seconds(30)) {
                    Self.statusLine($0).contains("MFA cancelled, not refreshed: alarms")
                }
                // Accounts, then r: the prompt again; this time a code.
                try await session.sendKeys("1", "r")
                try await session.waitUntil("the MFA prompt again", timeout: .seconds(30)) {
                    Self.statusLine($0).contains("MFA code for \(serial)")
                }
                try await session.type(code)
                let typed = try await session.waitUntil("six mask glyphs") {
                    Self.statusLine($0).contains("••••••")
                }
                #expect(!typed.contains(code))
                try await session.sendKeys("Enter")
                let after = try await session.waitUntil(
                    "the prompt gone, the refresh ended", timeout: .seconds(60)
                ) {
                    let line = Self.statusLine($0)
                    return !line.contains("MFA code for") && !line.contains("refreshing")
                        && !line.contains("Refreshing")
                }
                #expect(!Self.statusLine(after).contains("cancelled"), "\(ScreenText.framed(after))")
                #expect(!after.contains(code))
                try await session.sendKeys("q")
                try await session.waitUntil("the wrapper's report") { ShellWrapper.isAtPrompt($0) }
                let log = session.sandbox.stateHome.appendingPathComponent("opsdeck/opsdeck.log")
                let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                #expect(!logged.contains(code))
                #expect(!logged.contains(moto.secretAccessKey))
            }
        }

        /// The bottom row: the status bar.
        static func statusLine(_ screen: String) -> String {
            ScreenText.lines(screen).last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        }
    }
}
