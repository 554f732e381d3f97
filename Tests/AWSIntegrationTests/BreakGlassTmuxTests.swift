import Foundation
import OpsDeckTestSupport
import Testing

/// `opsdeck assume` in a real terminal (tmux): the masked MFA prompt, the subshell with its
/// prompt marker, and `aws sts get-caller-identity` through boto3 showing the assumed role.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "needs tmux"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "needs bash"),
    .sharedSeededOrganization)
struct BreakGlassTmuxTests {
    struct Tmux {
        let socket: String
        let scratch: ScratchDirectory

        func run(_ arguments: [String]) async throws -> String {
            let child = try ChildProcess.spawn(
                "/usr/bin/tmux", ["-S", socket] + arguments, environment: ["PATH": "/usr/bin:/bin"],
                outputDirectory: scratch.url)
            let exit = try await child.wait(timeout: .seconds(20))
            try #require(exit.code == 0 && !exit.signaled, "tmux \(arguments): \(child.stderrTail())")
            return child.standardOutput
        }

        /// Ends the server if the session has not ended by itself.
        func stop() async {
            guard
                let child = try? ChildProcess.spawn(
                    "/usr/bin/tmux", ["-S", socket, "kill-server"], environment: ["PATH": "/usr/bin:/bin"],
                    outputDirectory: scratch.url)
            else { return }
            _ = try? await child.wait(timeout: .seconds(20))
        }

        func capture() async throws -> String {
            let text = try await run(["capture-pane", "-p", "-t", "bg"])
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                try? text.write(
                    toFile: scratch.url.path + "/last-pane.txt", atomically: true, encoding: .utf8)
            }
            return text
        }

        var debugLog: String {
            (try? String(contentsOfFile: scratch.url.path + "/last-pane.txt", encoding: .utf8)) ?? "none"
        }

        /// Polls the pane until `text` shows, at most `attempts` times.
        func waitFor(_ text: String, attempts: Int = 150) async throws -> String {
            var screen = ""
            for _ in 0..<attempts {
                screen = try await capture()
                if screen.contains(text) { return screen }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("\"\(text)\" never showed; the pane:\n\(screen)\nDEBUG\(debugLog)")
            throw CancellationError()
        }
    }

    @Test func mfaPromptSubshellAndCallerIdentity() async throws {
        let cli = BreakGlassCommandLineTests()
        let workspace = try await cli.workspace()
        defer { workspace.scratch.remove() }
        let tmux = Tmux(socket: workspace.scratch.url.path + "/tmux.sock", scratch: workspace.scratch)
        var environment = workspace.environment
        environment["SHELL"] = "/bin/bash"
        environment["TERM"] = "xterm-256color"
        let variables = environment.map { "\($0.key)=\($0.value)" }
        let command =
            ["env", "-i"] + variables + [SyncCommandLineTests.binary] + [
                "assume", BreakGlassCommandLineTests.alias, BreakGlassCommandLineTests.role, "--cache",
                workspace.cache, "--endpoint-url", workspace.moto.absoluteString, "--mfa-serial",
                "arn:aws:iam::123456789012:mfa/alice", "--reason", BreakGlassCommandLineTests.reason,
                "--confirm", BreakGlassCommandLineTests.alias,
            ]
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        _ = try await tmux.run(
            ["-f", "/dev/null", "new-session", "-d", "-s", "bg", "-x", "150", "-y", "40", quoted])
        defer { Task { await tmux.stop() } }

        _ = try await tmux.waitFor("MFA code for arn:aws:iam::123456789012:mfa/alice")
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", "987654"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Enter"])
        let prompt = try await tmux.waitFor("[breakglass:\(BreakGlassCommandLineTests.alias)/")
        #expect(!prompt.contains("987654"), "the MFA code was echoed")

        let script =
            "python3 -c 'import boto3,os; print(\"WHO\", boto3.client(\"sts\", "
            + "endpoint_url=os.environ[\"MOTO_ENDPOINT\"]).get_caller_identity()[\"Arn\"])'"
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", script])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Enter"])
        let screen = try await tmux.waitFor("WHO arn:aws:sts::")
        #expect(screen.contains(":assumed-role/\(BreakGlassCommandLineTests.role)/alice-"), "\(screen)")
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", "exit"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Enter"])
        #expect(try workspace.auditLines().map { $0["event"] as? String } == ["request", "success"])
    }
}
