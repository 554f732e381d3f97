import Foundation
import Testing

/// Break-glass from the console in a real terminal (tmux) against moto: `:assume`, the form
/// with a masked MFA code and the production confirmation, the subshell with its prompt
/// marker, and back to a redrawn console whose header counts the session down.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "needs tmux"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "needs bash"),
    .sharedSeededOrganization)
struct BreakGlassConsoleTmuxTests {
    typealias CLI = BreakGlassCommandLineTests

    @Test func formSubshellAndBackToTheConsole() async throws {
        let workspace = try await CLI().workspace()
        defer { workspace.scratch.remove() }
        let root = workspace.scratch.url.path
        // The profile has mfa_serial, so the form asks for a code; the console's AWS calls go to moto.
        try "[default]\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n".write(
            toFile: root + "/aws-config", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            atPath: root + "/config/opsdeck", withIntermediateDirectories: true)
        try "[aws]\nendpoint_url = \"\(workspace.moto.absoluteString)\"\n".write(
            toFile: root + "/config/opsdeck/config.toml", atomically: true, encoding: .utf8)
        let tmux = BreakGlassTmuxTests.Tmux(socket: root + "/tmux.sock", scratch: workspace.scratch)
        var environment = workspace.environment
        environment["SHELL"] = "/bin/bash"
        environment["TERM"] = "xterm-256color"
        let command =
            ["env", "-i"] + environment.map { "\($0.key)=\($0.value)" } + [
                SyncCommandLineTests.binary, "--cache", workspace.cache,
            ]
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        _ = try await tmux.run(
            ["-f", "/dev/null", "new-session", "-d", "-s", "bg", "-x", "150", "-y", "40", quoted])
        defer { Task { await tmux.stop() } }

        _ = try await tmux.waitFor("Roles")
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", ":assume \(CLI.alias) \(CLI.role)"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Enter"])
        _ = try await tmux.waitFor("Break-glass: \(CLI.role) in \(CLI.alias)")
        _ = try await tmux.waitFor("MFA code")
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", CLI.reason])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Tab", "Tab", "Tab"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", "987654"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Tab"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", CLI.alias])
        let form = try await tmux.capture()
        #expect(!form.contains("987654"), "the MFA code was shown")
        _ = try await tmux.run(["send-keys", "-t", "bg", "Enter"])

        _ = try await tmux.waitFor("[breakglass:\(CLI.alias)/\(CLI.role)]")
        _ = try await tmux.run([
            "send-keys", "-t", "bg", "-l", "echo IN-SUBSHELL-$((6*7)) ${AWS_SESSION_TOKEN:+has-token}",
        ])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Enter"])
        _ = try await tmux.waitFor("IN-SUBSHELL-42 has-token")
        _ = try await tmux.run(["send-keys", "-t", "bg", "-l", "exit"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "Enter"])

        let back = try await tmux.waitFor("BREAK-GLASS \(CLI.alias)/\(CLI.role)")
        #expect(back.contains("Roles"), "the console was not redrawn:\n\(back)")
        #expect(!back.contains("IN-SUBSHELL"), "the subshell's output is still on screen:\n\(back)")
        #expect(try workspace.auditLines().map { $0["event"] as? String } == ["request", "success"])
        _ = try await tmux.run(["send-keys", "-t", "bg", "q"])
    }
}
