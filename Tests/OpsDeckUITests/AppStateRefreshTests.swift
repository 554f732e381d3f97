import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

/// Refresh progress in the status bar and the masked MFA prompt.
@Suite struct AppStateRefreshTests {
    typealias F = UIFixtures

    func statusLine(_ state: AppState) -> String {
        let text = ConsoleRenderer.render(state).text
        return String(
            text.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty } ?? "")
    }

    @Test func progressShowsInTheStatusBarUntilTheRefreshEnds() {
        var state = F.state()
        _ = state.reduce(.refreshEvent(.started(id: 1, sources: [.roles])))
        #expect(statusLine(state).contains("refreshing roles…"))
        _ = state.reduce(.refreshEvent(.progress(id: 1, done: 37, total: 120)))
        #expect(state.refreshText == "refreshing roles 37/120 accounts")
        #expect(statusLine(state).contains("refreshing roles 37/120 accounts"))
        _ = state.reduce(.refreshEvent(.finished(id: 1, message: nil, isError: false)))
        #expect(state.refreshes.isEmpty)
        #expect(!statusLine(state).contains("refreshing"))
    }

    @Test func regionalSourcesCountAccountRegionsAndConcurrentRefreshesShowTogether() {
        var state = F.state()
        _ = state.reduce(.refreshEvent(.started(id: 1, sources: [.roles])))
        _ = state.reduce(.refreshEvent(.started(id: 2, sources: [.alarms, .pipelines])))
        _ = state.reduce(.refreshEvent(.progress(id: 2, done: 3, total: 40)))
        _ = state.reduce(.refreshEvent(.progress(id: 9, done: 1, total: 1)))
        #expect(state.refreshText == "refreshing roles…; refreshing alarms, pipelines 3/40 account-regions")
    }

    @Test func aFailureNamesTheAccountAndOutranksProgress() {
        var state = F.state()
        _ = state.reduce(.refreshEvent(.started(id: 1, sources: [.roles])))
        _ = state.reduce(.refreshEvent(.started(id: 2, sources: [.alarms])))
        let failure =
            "roles: 1 of 3 fetch(es) failed. Reading roles of account 111122223333 in global failed: denied."
        _ = state.reduce(.refreshEvent(.finished(id: 1, message: failure, isError: true)))
        #expect(state.message?.isError == true)
        #expect(statusLine(state).contains("111122223333"))
        #expect(!statusLine(state).contains("refreshing alarms"))
        // Once the error expires, the refresh still running shows again.
        _ = state.reduce(.tick(F.now.addingTimeInterval(60)))
        #expect(statusLine(state).contains("refreshing alarms"))
    }

    @Test func rAsksForTheFocusedPanesRefresh() {
        var state = F.state()
        state.press(.character("2"))
        #expect(state.press(.character("r")) == [.refresh(.roles)])
    }

    @Test func theMFAPromptMasksTheCodeAndHandsItOverOnEnter() {
        var state = F.state()
        _ = state.reduce(.mfaRequested(serial: "arn:aws:iam::123456789012:mfa/alice"))
        guard case .mfa(let serial, let field) = state.mode else {
            Issue.record("no MFA prompt: \(state.mode)")
            return
        }
        #expect(serial == "arn:aws:iam::123456789012:mfa/alice")
        #expect(field.isMasked)
        // Keys are text here: q does not quit, 4 does not jump to Alerts.
        #expect(state.type("q12") == [])
        state.press(.backspace, .backspace, .backspace)
        #expect(state.type("493817") == [])
        let line = statusLine(state)
        #expect(line.contains("MFA code for arn:aws:iam::123456789012:mfa/alice"))
        #expect(line.contains("••••••"))
        #expect(!ConsoleRenderer.render(state).text.contains("493817"))
        #expect(state.press(.enter) == [.answerMFA(MFACode("493817"))])
        #expect(state.isNormal)
    }

    @Test func anEmptyCodeIsNotSentAndEscCancels() {
        var state = F.state()
        _ = state.reduce(.mfaRequested(serial: "arn:aws:iam::123456789012:mfa/alice"))
        #expect(state.press(.enter) == [])
        #expect(!state.isNormal)
        #expect(state.press(.escape) == [.answerMFA(nil)])
        #expect(state.isNormal)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("cancelled") == true)
    }

    @Test func anMFACodeNeverPrintsItself() {
        let code = MFACode("493817")
        #expect(!"\(code)".contains("493817"))
        #expect(!String(reflecting: Effect.answerMFA(code)).contains("493817"))
    }
}
