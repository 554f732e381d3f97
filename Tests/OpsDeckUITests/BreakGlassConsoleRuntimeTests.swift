import AWSClient
import AWSSigV4
import BreakGlass
import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckApp
@testable import OpsDeckUI

/// The console's break-glass runtime: a submission becomes an audited assumption whose
/// result comes back as an action; read-only and the demo refuse; the audit log feeds the
/// header; the subshell runs the session's command and the credentials are let go after.
@Suite struct BreakGlassConsoleRuntimeTests {
    typealias F = UIFixtures

    final class FakeSTS: BreakGlassSTS, @unchecked Sendable {
        let refuses: Bool
        private let lock = NSLock()
        private var codes: [String?] = []

        init(refuses: Bool = false) { self.refuses = refuses }

        var tokenCodes: [String?] { lock.withLock { codes } }

        func callerIdentity() async throws -> STSCallerIdentity {
            STSCallerIdentity(
                account: F.management, arn: "arn:aws:iam::111111111111:user/alice", userId: "AIDA")
        }

        func assumeRole(
            roleArn: String, sessionName: String, durationSeconds: Int, serialNumber: String?,
            tokenCode: String?, sourceIdentity: String, tags: [String: String]
        ) async throws -> STSAssumedRole {
            lock.withLock { codes.append(tokenCode) }
            if refuses { throw CancellationError() }
            return STSAssumedRole(
                credentials: AWSCredentials(
                    accessKeyId: "ASIATESTKEY0000WXYZ", secretAccessKey: "secret", sessionToken: "token"),
                expiration: Date().addingTimeInterval(1800), assumedRoleArn: roleArn + "/x",
                assumedRoleId: "AROA:x")
        }
    }

    struct Sandbox {
        let path = NSTemporaryDirectory() + "opsdeck-bgc-" + UUID().uuidString
        var auditPath: String { path + "/audit.jsonl" }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    func console(_ sts: FakeSTS, sandbox: Sandbox, readonly: Bool = false, shell: String? = nil)
        -> BreakGlassConsole
    {
        let assumer = BreakGlassAssumer(
            sts: sts, audit: AuditLog(path: sandbox.auditPath),
            identity: LocalIdentity(user: "alice", host: "bastion-1"), region: "us-east-1")
        return BreakGlassConsole(
            assumer: assumer, readonly: readonly, environment: ["SHELL": "/bin/sh", "PATH": "/usr/bin:/bin"],
            auditPath: sandbox.auditPath, mfaSerial: "arn:aws:iam::111111111111:mfa/alice",
            shellCommand: shell)
    }

    func submission(code: String? = "123456") -> BreakGlassForm.Submission {
        BreakGlassForm.Submission(
            accountId: F.paymentsProd, roleName: "BreakGlass",
            reason: "restore payments database after migration",
            ticket: "PD#101 PI1", durationSeconds: 3600, mfaCode: code, confirmation: "payments-prod")
    }

    /// Waits (by yielding, never sleeping) until the mailbox holds an action.
    func nextActions(_ mailbox: ActionMailbox) async -> [Action] {
        for _ in 0..<200_000 {
            let actions = mailbox.drain()
            if !actions.isEmpty { return actions }
            await Task.yield()
        }
        return []
    }

    @Test func aSubmissionIsAssumedAuditedAndItsShellRuns() async throws {
        let sandbox = Sandbox()
        defer { sandbox.remove() }
        let sts = FakeSTS()
        let console = console(sts, sandbox: sandbox, shell: "test \"$AWS_SESSION_TOKEN\" = token")
        let mailbox = ActionMailbox()
        console.assume(submission(), accounts: F.accounts, roles: F.roles, mailbox: mailbox)
        let actions = await nextActions(mailbox)
        guard case .breakGlassAssumed(let id, let label, let expiration) = actions.first else {
            Issue.record("not assumed: \(actions)")
            return
        }
        #expect(label == "payments-prod/BreakGlass")
        #expect(sts.tokenCodes == ["123456"])
        let entries = try AuditLog(path: sandbox.auditPath).entries()
        #expect(entries.map(\.event) == [.request, .success])
        #expect(console.activeSessions(now: Date()).map(\.label) == ["payments-prod/BreakGlass"])
        #expect(console.activeSessions(now: expiration.addingTimeInterval(1)).isEmpty)
        let watched = ActionMailbox()
        let watch = console.watchSessions(mailbox: watched, interval: .seconds(3600))
        defer { watch.cancel() }
        guard case .breakGlassSessions(let sessions) = await nextActions(watched).first else {
            Issue.record("the watch posted nothing")
            return
        }
        #expect(sessions.map(\.label) == ["payments-prod/BreakGlass"])
        let result = console.runShell(sessionId: id)
        #expect(result.message.contains("exit 0"), "\(result.message)")
        #expect(!result.isError)
        // The credentials were let go: the same session cannot run a second shell.
        #expect(console.runShell(sessionId: id).isError)
    }

    @Test func aRefusalComesBackAsAFailureNamingAccountAndRole() async throws {
        let sandbox = Sandbox()
        defer { sandbox.remove() }
        let mailbox = ActionMailbox()
        console(FakeSTS(refuses: true), sandbox: sandbox).assume(
            submission(), accounts: F.accounts, roles: F.roles, mailbox: mailbox)
        let actions = await nextActions(mailbox)
        guard case .breakGlassFailed(let message, _) = actions.first else {
            Issue.record("no failure: \(actions)")
            return
        }
        #expect(message.contains("payments-prod (222222222222)"), "\(message)")
        #expect(message.contains("BreakGlass"))
        #expect(try AuditLog(path: sandbox.auditPath).entries().map(\.event) == [.request, .failure])
    }

    @Test func readonlyAndTheDemoRefuseBeforeAnythingIsRecorded() async throws {
        let sandbox = Sandbox()
        defer { sandbox.remove() }
        let sts = FakeSTS()
        let mailbox = ActionMailbox()
        console(sts, sandbox: sandbox, readonly: true).assume(
            submission(), accounts: F.accounts, roles: F.roles, mailbox: mailbox)
        guard case .breakGlassFailed(let message, _) = mailbox.drain().first else {
            Issue.record("read-only did not refuse")
            return
        }
        #expect(message.lowercased().contains("read-only"), "\(message)")
        var options = ConsoleOptions()
        options.demo = true
        BreakGlassConsole.live(options: options, configuration: .defaults, readonly: false).assume(
            submission(), accounts: F.accounts, roles: F.roles, mailbox: mailbox)
        guard case .breakGlassFailed(let demo, _) = mailbox.drain().first else {
            Issue.record("the demo did not refuse")
            return
        }
        #expect(demo.contains("--demo"))
        #expect(sts.tokenCodes.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.auditPath))
    }

    @Test func refusalsPointAtTheirField() {
        #expect(BreakGlassConsole.field(for: .reasonTooShort("x")) == .reason)
        #expect(BreakGlassConsole.field(for: .mfaCodeRequired(serial: "s")) == .mfaCode)
        #expect(
            BreakGlassConsole.field(
                for: .stsFailed(
                    account: "a", role: "r", region: "us-east-1", message: "MultiFactorAuthentication failed")
            )
                == .mfaCode)
        #expect(BreakGlassConsole.field(for: .unknownAccount("x")) == nil)
    }
}
