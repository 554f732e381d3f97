import Foundation
import OpsDeckTestSupport
import Testing

/// `opsdeck assume` and `opsdeck audit` as a user runs them: the built binary against the
/// seeded moto (signature checking on), the audit log read back from disk.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct BreakGlassCommandLineTests {
    static let role = "BreakGlassAdmin"
    static let alias = "opsdeck-payments-prod"
    static let reason = "restore payments database after failed migration"

    struct Run {
        var exit: ChildProcess.Exit
        var out: String
        var err: String
    }

    /// A scratch home with a refreshed cache and a state directory for the audit log.
    struct Workspace {
        let scratch: ScratchDirectory
        let moto: URL
        let environment: [String: String]
        var cache: String { scratch.url.path + "/cache.sqlite" }
        var auditFile: String { scratch.url.path + "/state/opsdeck/audit.jsonl" }

        func auditLines() throws -> [[String: Any]] {
            guard FileManager.default.fileExists(atPath: auditFile) else { return [] }
            let text = try String(contentsOfFile: auditFile, encoding: .utf8)
            return try text.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
        }
    }

    func run(_ arguments: [String], in workspace: Workspace, environment extra: [String: String] = [:])
        async throws -> Run
    {
        try #require(
            FileManager.default.isExecutableFile(atPath: SyncCommandLineTests.binary),
            "\(SyncCommandLineTests.binary) is missing: run `swift build` first")
        let child = try ChildProcess.spawn(
            SyncCommandLineTests.binary, arguments,
            environment: workspace.environment.merging(extra) { _, new in new },
            outputDirectory: workspace.scratch.url)
        let exit = try await child.wait(timeout: .seconds(120))
        return Run(exit: exit, out: child.standardOutput, err: child.standardError)
    }

    func workspace() async throws -> Workspace {
        let seeded = try SharedSeededOrganization.current
        let scratch = try ScratchDirectory(prefix: "opsdeck-breakglass")
        let credentials = seeded.organization.manifest.adminCredentials
        let python = try PythonPeers.python()
        let environment = PythonPeers.environment([
            "HOME": scratch.url.path, "XDG_STATE_HOME": scratch.url.path + "/state",
            "XDG_CONFIG_HOME": scratch.url.path + "/config", "USER": "alice", "SHELL": "/bin/sh",
            "PATH": (python as NSString).deletingLastPathComponent + ":"
                + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "AWS_ACCESS_KEY_ID": credentials.accessKeyId,
            "AWS_SECRET_ACCESS_KEY": credentials.secretAccessKey,
            "AWS_REGION": "us-east-1", "MOTO_ENDPOINT": seeded.moto.endpoint.absoluteString,
            // OpsDeck reads only regular files (not /dev/null): point at files that do not exist.
            "AWS_CONFIG_FILE": scratch.url.path + "/aws-config",
            "AWS_SHARED_CREDENTIALS_FILE": scratch.url.path + "/aws-credentials",
        ])
        let workspace = Workspace(scratch: scratch, moto: seeded.moto.endpoint, environment: environment)
        let refresh = try await run(
            [
                "refresh", "--endpoint-url", seeded.moto.endpoint.absoluteString, "--cache", workspace.cache,
                "--only", "organizations,roles",
            ], in: workspace)
        try #require(refresh.exit.code == 0, "refresh failed: \(refresh.err)")
        return workspace
    }

    func assumeArguments(_ workspace: Workspace, _ extra: [String]) -> [String] {
        [
            "assume", Self.alias, Self.role, "--cache", workspace.cache, "--endpoint-url",
            workspace.moto.absoluteString, "--mfa-serial", "arn:aws:iam::123456789012:mfa/alice",
            "--mfa-code", "123456",
        ] + extra
    }

    @Test func aSubshellGetsTheAssumedRoleAndBothEntriesAreRecorded() async throws {
        let workspace = try await workspace()
        defer { workspace.scratch.remove() }
        let script = """
            import boto3, os
            sts = boto3.client("sts", endpoint_url=os.environ["MOTO_ENDPOINT"], region_name="us-east-1")
            print("ARN", sts.get_caller_identity()["Arn"])
            print("MARK", os.environ["OPSDECK_BREAKGLASS"])
            """
        let result = try await run(
            assumeArguments(
                workspace,
                [
                    "--reason", Self.reason, "--ticket", "INC-7", "--confirm", Self.alias,
                    "--exec", "python3 -c '\(script)'",
                ]), in: workspace)
        #expect(result.exit.code == 0, "\(result.err)")
        let payments = try #require(
            try SharedSeededOrganization.current.organization.manifest.accounts.first {
                $0.alias == Self.alias
            })
        #expect(
            result.out.contains("ARN arn:aws:sts::\(payments.id):assumed-role/\(Self.role)/alice-"),
            "\(result.out)\n\(result.err)")
        #expect(result.out.contains("MARK breakglass:\(Self.alias)/\(Self.role)"))

        let entries = try workspace.auditLines()
        #expect(entries.map { $0["event"] as? String } == ["request", "success"])
        #expect(entries.first?["reason"] as? String == Self.reason)
        #expect(entries.first?["ticket"] as? String == "INC-7")
        #expect(entries.first?["account"] as? String == payments.id)
        #expect((entries.first?["caller"] as? String)?.contains(":user/") == true)
        #expect((entries.last?["keySuffix"] as? String)?.count == 4)
        let raw = try String(contentsOfFile: workspace.auditFile, encoding: .utf8)
        #expect(!raw.contains("123456\""), "the MFA code reached the audit log")

        let verify = try await run(["audit", "verify"], in: workspace)
        #expect(verify.exit.code == 0, "\(verify.err)")
        #expect(verify.out.contains("2 entries, chain intact"))
        let list = try await run(["audit", "list", "--format", "json", "--since", "1h"], in: workspace)
        let listed = try #require(
            try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
        #expect(listed.count == 2)
    }

    @Test func printGivesJSONAndCredentialProcessAnswers() async throws {
        let workspace = try await workspace()
        defer { workspace.scratch.remove() }
        for format in ["json", "credential-process"] {
            let result = try await run(
                assumeArguments(
                    workspace, ["--reason", Self.reason, "--confirm", Self.alias, "--print", format]),
                in: workspace)
            #expect(result.exit.code == 0, "\(result.err)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            #expect((object["AccessKeyId"] as? String)?.isEmpty == false)
            #expect((object["SessionToken"] as? String)?.isEmpty == false)
            if format == "credential-process" { #expect(object["Version"] as? Int == 1) }
        }
        let written = try await run(
            assumeArguments(
                workspace, ["--reason", Self.reason, "--confirm", Self.alias, "--write-profile", "bg"]),
            in: workspace)
        #expect(written.exit.code == 0, "\(written.err)")
        let credentials = try String(
            contentsOfFile: workspace.scratch.url.path + "/aws-credentials", encoding: .utf8)
        #expect(credentials.hasPrefix("[bg]\n") && credentials.contains("aws_session_token = "))
        #expect(written.out.isEmpty)
        #expect(try workspace.auditLines().count == 6)
    }

    @Test func refusalsAssumeNothingAndSayWhy() async throws {
        let workspace = try await workspace()
        defer { workspace.scratch.remove() }
        let noReason = try await run(
            assumeArguments(workspace, ["--confirm", Self.alias, "--print", "env"]), in: workspace)
        #expect(noReason.exit.code == 2 && noReason.err.contains("--reason"), "\(noReason.err)")
        #expect(noReason.out.isEmpty)

        let wrongAlias = try await run(
            assumeArguments(workspace, ["--reason", Self.reason, "--confirm", "payments", "--print", "env"]),
            in: workspace)
        #expect(wrongAlias.exit.code == 2 && wrongAlias.err.contains(Self.alias), "\(wrongAlias.err)")

        let readonly = try await run(
            assumeArguments(workspace, ["--reason", Self.reason, "--confirm", Self.alias, "--readonly"]),
            in: workspace)
        #expect(readonly.exit.code == 2 && readonly.err.contains("read-only"), "\(readonly.err)")
        #expect(try workspace.auditLines().isEmpty)

        // The state directory is a regular file: the audit entry cannot be written.
        let blocked = workspace.scratch.url.path + "/blocked"
        try Data().write(to: URL(fileURLWithPath: blocked))
        let unwritable = try await run(
            assumeArguments(workspace, ["--reason", Self.reason, "--confirm", Self.alias, "--print", "env"]),
            in: workspace, environment: ["XDG_STATE_HOME": blocked])
        #expect(unwritable.exit.code == 3, "\(unwritable.err)")
        #expect(unwritable.err.contains("Nothing was assumed") && unwritable.out.isEmpty)
    }

    @Test func theConsoleURLComesFromTheFederationEndpoint() async throws {
        let workspace = try await workspace()
        defer { workspace.scratch.remove() }
        let server = try await PythonServer.start(script: "federation_server.py") { _ in [] }
        defer { Task { await server.stop() } }
        let endpoint = try server.url("/federation")
        let result = try await run(
            assumeArguments(
                workspace,
                [
                    "--reason", Self.reason, "--confirm", Self.alias, "--console-url",
                    "--federation-endpoint",
                    endpoint.absoluteString,
                ]), in: workspace)
        #expect(result.exit.code == 0, "\(result.err)")
        let line = result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix(endpoint.absoluteString + "?Action=login&Issuer=opsdeck&Destination="))
        let url = try #require(URL(string: line))
        let login = try await LoopbackHTTP.send("GET", url)
        #expect(login.status == 302)

        struct Seen: Decodable {
            let action: String
            let sessionId: String?
            let complete: Bool?
            let sessionDuration: String?
            let known: Bool?
        }
        struct Log: Decodable { let requests: [Seen] }
        let seen = try await LoopbackHTTP.send("GET", try server.url("/_fixture/requests")).decode(Log.self)
        let token = try #require(seen.requests.first { $0.action == "getSigninToken" })
        #expect(token.complete == true && token.sessionDuration == nil)
        let suffix = try #require(try workspace.auditLines().last?["keySuffix"] as? String)
        #expect(token.sessionId?.hasSuffix(suffix) == true)
        #expect(seen.requests.last?.known == true)
        await server.stop()
    }

    /// The announcement is made from the command line too: here to a webhook nobody answers,
    /// so the session stands, the failure is said, and a third entry records it.
    @Test func aFailedAnnouncementIsSaidAndAuditedButTheSessionStands() async throws {
        let workspace = try await workspace()
        defer { workspace.scratch.remove() }
        let closedPort = try LoopbackHTTP.freePort()
        let configDirectory = workspace.scratch.url.path + "/config/opsdeck"
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
        try Data("[breakglass]\nnotify_webhook_url = \"http://127.0.0.1:\(closedPort)/hook\"\n".utf8)
            .write(to: URL(fileURLWithPath: configDirectory + "/config.toml"))

        let result = try await run(
            assumeArguments(
                workspace, ["--reason", Self.reason, "--confirm", Self.alias, "--print", "json"]),
            in: workspace)
        #expect(result.exit.code == 0, "\(result.err)")
        #expect(result.err.contains("the session stands, but was not announced"), "\(result.err)")
        #expect(!result.err.contains("\(closedPort)/hook"), "the webhook URL was repeated")
        let entries = try workspace.auditLines()
        #expect(entries.map { $0["event"] as? String } == ["request", "success", "notification"])
    }

    @Test func tamperingIsReportedByAuditVerify() async throws {
        let workspace = try await workspace()
        defer { workspace.scratch.remove() }
        let result = try await run(
            assumeArguments(workspace, ["--reason", Self.reason, "--confirm", Self.alias, "--print", "env"]),
            in: workspace)
        #expect(result.exit.code == 0, "\(result.err)")
        let text = try String(contentsOfFile: workspace.auditFile, encoding: .utf8)
        try text.replacingOccurrences(of: "failed migration", with: "routine check")
            .write(toFile: workspace.auditFile, atomically: false, encoding: .utf8)
        let verify = try await run(["audit", "verify"], in: workspace)
        #expect(verify.exit.code == 1)
        #expect(
            verify.err.contains("line 1: edited") && verify.err.contains("line 2: edited"), "\(verify.err)")

        var lines = text.split(separator: "\n").map(String.init)
        lines.swapAt(0, 1)
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: workspace.auditFile, atomically: false, encoding: .utf8)
        let reordered = try await run(["audit", "verify"], in: workspace)
        #expect(reordered.exit.code == 1 && reordered.err.contains("reordered"), "\(reordered.err)")
    }
}
