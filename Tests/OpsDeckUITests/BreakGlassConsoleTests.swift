import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

/// Break-glass in the console: `b` on a role and `:assume` open the form, its submission
/// becomes the assume effect, results come back as actions, read-only refuses, the header
/// counts sessions down, and `L` / `:audit` open the audit log.
@Suite struct BreakGlassConsoleTests {
    typealias F = UIFixtures
    static let prodBreakGlass = "arn:aws:iam::222222222222:role/BreakGlass"

    func state(readonly: Bool = false, mfaSerial: String? = nil, selecting rowId: String = prodBreakGlass)
        throws -> AppState
    {
        var state = AppState(size: F.dashboardSize, now: F.now, theme: F.theme, readonly: readonly)
        state.breakGlass.mfaSerial = mfaSerial
        _ = state.reduce(.snapshot(F.snapshot))
        state.press(.character("2"))
        let pane = state.pane(.roles)
        let index = try #require(pane.visible.firstIndex { pane.content.rows[$0].id == rowId })
        state.updatePane(.roles) { $0.select(index) }
        return state
    }

    func openForm(_ state: AppState) -> BreakGlassForm? {
        if case .breakGlass(let form) = state.mode { return form }
        return nil
    }

    @Test func keyOnARoleOpensTheFormForIt() throws {
        var s = try state()
        #expect(s.press(.character("b")).isEmpty)
        let form = try #require(openForm(s))
        #expect(form.roleName == "BreakGlass")
        #expect(form.accountId == F.paymentsProd)
        #expect(form.accountLabel == "payments-prod (222222222222)")
        #expect(form.isProduction)
        #expect(form.fields == [.reason, .ticket, .duration, .confirmation])
        #expect(ConsoleRenderer.render(s).text.contains("Break-glass: BreakGlass in payments-prod"))
    }

    @Test func submittingEmitsTheAssumeEffectAndKeepsTheFormForErrors() throws {
        var s = try state()
        s.press(.character("b"))
        s.type("restore payments database after migration")
        s.press(.tab, .tab, .tab)
        s.type("payments-prod")
        let effects = s.press(.enter)
        let expected = BreakGlassForm.Submission(
            accountId: F.paymentsProd, roleName: "BreakGlass",
            reason: "restore payments database after migration",
            ticket: nil, durationSeconds: 3600, mfaCode: nil, confirmation: "payments-prod")
        #expect(effects == [.assumeBreakGlass(expected)])
        #expect(s.isNormal)
        #expect(s.breakGlass.pending != nil)
        #expect(s.message?.text.contains("Assuming BreakGlass in payments-prod") == true)
    }

    @Test func aWrongAliasIsRefusedInTheForm() throws {
        var s = try state()
        s.press(.character("b"))
        s.type("restore payments database after migration")
        s.press(.tab, .tab, .tab)
        s.type("payments")
        #expect(s.press(.enter).isEmpty)
        let form = try #require(openForm(s))
        #expect(form.focus == .confirmation)
        #expect(form.error?.contains("type payments-prod exactly") == true)
    }

    @Test func escapeCancelsWithoutEffects() throws {
        var s = try state()
        s.press(.character("b"))
        s.type("some reason here")
        #expect(s.press(.escape).isEmpty)
        #expect(s.isNormal)
        #expect(s.message?.text.contains("nothing was assumed") == true)
    }

    @Test func readonlyRefusesTheKeyAndTheCommand() throws {
        var s = try state(readonly: true)
        #expect(s.press(.character("b")).isEmpty)
        #expect(s.isNormal)
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("--readonly") == true)
        s.message = nil
        s.press(.character(":"))
        #expect(s.type("assume api BreakGlass").isEmpty)
        #expect(s.press(.enter).isEmpty)
        #expect(s.isNormal)
        #expect(s.message?.text.contains("--readonly") == true)
    }

    @Test func theKeyElsewhereSaysWhereItWorks() throws {
        var s = try state()
        s.press(.character("4"))
        #expect(s.press(.character("b")).isEmpty)
        #expect(s.isNormal)
        #expect(s.message?.text.contains("Roles pane") == true)
    }

    @Test func roleDetailNamesTheKeyAndTheKeyWorksThere() throws {
        var s = try state()
        s.press(.character("z"), .enter)
        guard case .detail(.roles, _, _) = s.mode else {
            Issue.record("no detail: \(s.mode)")
            return
        }
        let screen = ConsoleRenderer.render(s).text
        #expect(screen.contains("Roles detail (Esc back, Enter or b break-glass)"))
        #expect(screen.contains("b break-glass"))
        s.press(.character("b"))
        #expect(openForm(s)?.roleName == "BreakGlass")
    }

    /// Enter on a role opens its detail, and Enter there opens the form.
    @Test func enterTwiceOnARoleOpensTheForm() throws {
        var s = try state()
        s.press(.character("z"), .enter)
        guard case .detail(.roles, _, _) = s.mode else {
            Issue.record("no detail: \(s.mode)")
            return
        }
        #expect(openForm(s) == nil)
        s.press(.enter)
        #expect(openForm(s)?.roleName == "BreakGlass")
    }

    @Test func assumeCommandResolvesAliasAndRole() throws {
        var s = F.state()
        s.press(.character(":"))
        s.type("assume API breakglass")
        #expect(s.press(.enter).isEmpty)
        let form = try #require(openForm(s))
        #expect(form.accountId == F.apiProd)
        #expect(form.roleName == "BreakGlass")
        #expect(form.confirmationText == "api")
        #expect(form.accountLabel == "api (333333333333)")
    }

    @Test func assumeCommandNamesAnUnknownAccount() {
        var s = F.state()
        s.press(.character(":"))
        s.type("assume nosuch BreakGlass")
        s.press(.enter)
        #expect(s.isNormal)
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("No account nosuch") == true)
    }

    @Test func assumeCommandNeedsTwoArguments() throws {
        #expect(throws: CommandError.self) { try ConsoleCommand.parse("assume api") }
        #expect(
            try ConsoleCommand.parse("assume api BreakGlass") == .assume(account: "api", role: "BreakGlass"))
        #expect(try ConsoleCommand.parse("audit") == .audit)
    }

    @Test func assumeCompletesAccountsThenRolesBreakGlassFirst() {
        let s = F.state()
        #expect(s.commandCompletions("ass") == ["assume "])
        #expect(s.commandCompletions("assume pay") == ["assume payments-dev", "assume payments-prod"])
        #expect(
            s.commandCompletions("assume api ") == [
                "assume api BreakGlass", "assume api OrganizationAccountAccessRole", "assume api ReadOnly",
            ])
        #expect(s.commandCompletions("assume api R") == ["assume api ReadOnly"])
    }

    @Test func aFailureReopensTheFormWithTheErrorAndAFreshMFAField() throws {
        var s = try state(mfaSerial: "arn:aws:iam::111111111111:mfa/alice")
        s.press(.character("b"))
        s.type("restore payments database after migration")
        s.press(.tab, .tab, .tab)
        s.type("123456")
        s.press(.tab)
        s.type("payments-prod")
        let effects = s.press(.enter)
        guard case .assumeBreakGlass(let submission) = effects.first else {
            Issue.record("no effect: \(effects)")
            return
        }
        #expect(submission.mfaCode == "123456")
        let message =
            "STS refused BreakGlass in payments-prod (222222222222): MultiFactorAuthentication failed"
        #expect(s.reduce(.breakGlassFailed(message: message, field: .mfaCode)).isEmpty)
        let form = try #require(openForm(s))
        #expect(form.error == message)
        #expect(form.focus == .mfaCode)
        #expect(form.mfaCode.text.isEmpty)
        #expect(form.reason.text == "restore payments database after migration")
        #expect(s.message?.isError == true)
        #expect(s.breakGlass.pending == nil)
    }

    @Test func successRunsTheShellAndTheHeaderCountsDown() throws {
        var s = try state()
        let expiry = F.now.addingTimeInterval(2527)
        let effects = s.reduce(
            .breakGlassAssumed(sessionId: "0a1b2c3d", label: "payments-prod/BreakGlass", expiration: expiry))
        #expect(effects == [.runBreakGlassShell(sessionId: "0a1b2c3d")])
        #expect(ConsoleRenderer.render(s).text.contains("BREAK-GLASS payments-prod/BreakGlass 42:07"))
        _ = s.reduce(.tick(F.now.addingTimeInterval(2527 - 120)))
        let header = ConsoleRenderer.render(s).snapshot(roles: true)
        #expect(header.contains("BREAK-GLASS payments-prod/BreakGlass 02:00"))
        _ = s.reduce(.tick(expiry))
        #expect(!ConsoleRenderer.render(s).text.contains("BREAK-GLASS"))
    }

    @Test func sessionsFromTheAuditLogJoinWithoutDuplicates() {
        var s = F.state()
        let session = BreakGlassCountdown.Session(
            label: "api/BreakGlass", expiration: F.now.addingTimeInterval(600))
        _ = s.reduce(.breakGlassSessions([session]))
        _ = s.reduce(.breakGlassSessions([session]))
        #expect(s.breakGlass.countdown.sessions.count == 1)
        #expect(ConsoleRenderer.render(s).text.contains("BREAK-GLASS api/BreakGlass 10:00"))
    }

    @Test func auditKeyAndCommandLoadTheViewAndProblemsShow() {
        var s = F.state()
        #expect(s.press(.character("L")) == [.loadAudit])
        s.press(.character(":"))
        s.type("audit")
        #expect(s.press(.enter) == [.loadAudit])
        let row = AuditView.Row(
            time: F.now, event: "success", who: "alice@bastion", account: "api (333333333333)",
            role: "BreakGlass",
            detail: "until 2026-09-21T12:00:00Z")
        let view = AuditView(rows: [row], problems: ["line 2: entry 2 was changed after it was written"])
        _ = s.reduce(.auditLoaded(view))
        guard case .audit = s.mode else {
            Issue.record("no audit view: \(s.mode)")
            return
        }
        let screen = ConsoleRenderer.render(s).snapshot(roles: true)
        #expect(screen.contains("1 problem(s), run `opsdeck audit verify`: line 2"))
        #expect(screen.contains("alice@bastion"))
        s.press(.escape)
        #expect(s.isNormal)
    }

    @Test func formScreen() throws {
        var s = try state(mfaSerial: "arn:aws:iam::111111111111:mfa/alice")
        s.press(.character("b"))
        s.type("restore payments db")
        s.press(.tab, .tab, .tab)
        s.type("123456")
        ScreenSnapshot.assertMatches(
            ConsoleRenderer.render(s).snapshot(roles: true), named: "breakglass-form")
        #expect(!ConsoleRenderer.render(s).text.contains("123456"))
    }

    @Test func countdownHeaderScreen() throws {
        var s = try state()
        _ = s.reduce(
            .breakGlassAssumed(
                sessionId: "0a1b2c3d", label: "payments-prod/BreakGlass",
                expiration: F.now.addingTimeInterval(299)))
        _ = s.reduce(
            .breakGlassSessions([
                BreakGlassCountdown.Session(
                    label: "api/BreakGlass", expiration: F.now.addingTimeInterval(3700))
            ]))
        let screen = ConsoleRenderer.render(s).snapshot(roles: true)
        let header = String(screen.split(separator: "\n").prefix(1).joined())
        ScreenSnapshot.assertMatches(header, named: "breakglass-header-countdown")
        #expect(header.contains("BREAK-GLASS payments-prod/BreakGlass 04:59 +1"))
    }
}
