import AWSSigV4
import Foundation
import Testing

@testable import BreakGlass

@Suite struct BreakGlassShellTests {
    static let session = BreakGlassSession(
        target: BreakGlassAssumerTests.production, sessionId: "0a1b2c3d", sessionName: "alice-0a1b2c3d",
        credentials: AWSCredentials(
            accessKeyId: "ASIATESTKEY0000WXYZ", secretAccessKey: "secret'key", sessionToken: "token-value"),
        expiration: AuditFixtures.start.addingTimeInterval(3600), assumedRoleArn: "arn:aws:sts::x",
        region: "eu-west-1")

    final class Notes: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func theChildGetsTheSessionAndNoOtherIdentity() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.path + "/env.txt"
        let shell = BreakGlassShell(
            session: Self.session,
            command: "printf '%s|%s|%s|%s|%s' \"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" "
                + "\"${AWS_PROFILE-unset}\" \"$AWS_REGION/$AWS_DEFAULT_REGION\" \"$OPSDECK_BREAKGLASS\" > \(out)",
            baseEnvironment: ["PATH": "/usr/bin:/bin", "AWS_PROFILE": "admin", "AWS_SESSION_TOKEN": "old"],
            now: { AuditFixtures.start }, sleep: { _ in try await Task.sleep(for: .seconds(86_400)) },
            notify: { _ in })
        let exit = try await shell.run()
        #expect(exit == BreakGlassShell.Exit(status: 0, signal: nil, endedAtExpiry: false))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(
            text
                == "ASIATESTKEY0000WXYZ|secret'key|unset|eu-west-1/eu-west-1|breakglass:payments-prod/BreakGlassAdmin"
        )
    }

    @Test func theChildsExitStatusIsPassedOn() async throws {
        let shell = BreakGlassShell(
            session: Self.session, command: "exit 7", baseEnvironment: ["PATH": "/usr/bin:/bin"],
            now: { AuditFixtures.start }, sleep: { _ in try await Task.sleep(for: .seconds(86_400)) },
            notify: { _ in })
        #expect(try await shell.run().exitCode == 7)
    }

    @Test func theChildIsWarnedAndEndedAtExpiry() async throws {
        let notes = Notes()
        // The injected sleep returns at once: the clock jumps to each deadline.
        let shell = BreakGlassShell(
            session: Self.session, command: "sleep 60", baseEnvironment: ["PATH": "/usr/bin:/bin"],
            now: { AuditFixtures.start }, sleep: { _ in }, notify: { notes.add($0) })
        let exit = try await shell.run()
        #expect(exit.endedAtExpiry)
        #expect(exit.signal != nil && exit.status == nil)
        #expect(notes.all.count == 2)
        #expect(notes.all.first?.contains("expires in 60 minute(s)") == true)
        #expect(notes.all.last?.contains("expired") == true)
    }

    @Test func bashGetsAPromptMarkerFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shell = BreakGlassShell(
            session: Self.session, command: nil, baseEnvironment: ["SHELL": "/bin/bash", "HOME": "/home/a"],
            notify: { _ in })
        let (arguments, environment) = shell.launch(rcDirectory: directory.path)
        #expect(arguments == ["/bin/bash", "--rcfile", directory.path + "/bashrc", "-i"])
        let rc = try String(contentsOfFile: directory.path + "/bashrc", encoding: .utf8)
        #expect(rc.contains("$OPSDECK_BREAKGLASS") && !rc.contains("ASIA"))
        #expect(environment["PS1"]?.hasPrefix("[breakglass:payments-prod/BreakGlassAdmin]") == true)
    }

    @Test func aMissingShellIsAnError() async throws {
        let shell = BreakGlassShell(
            session: Self.session, command: nil, baseEnvironment: ["SHELL": "/nonexistent/shell"],
            notify: { _ in })
        await #expect(throws: BreakGlassShellError.self) { _ = try await shell.run() }
    }
}
