import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

@Suite struct BreakGlassFormTests {
    static let incidents = [
        Incident(
            id: "PABC123", number: 812, title: "payments 5xx", status: .triggered, urgency: .high,
            serviceName: "payments", createdAt: UIFixtures.now, updatedAt: UIFixtures.now),
        Incident(
            id: "PDEF456", number: 813, title: "old", status: .resolved, urgency: .low, serviceName: "search",
            createdAt: UIFixtures.now, updatedAt: UIFixtures.now),
    ]

    static func form(production: Bool = true, mfa: Bool = true, maximum: Int = 7200) -> BreakGlassForm {
        BreakGlassForm(
            accountId: "222222222222", accountLabel: "payments-prod (222222222222)",
            roleName: "BreakGlassAdmin",
            isProduction: production, confirmationText: "payments-prod", maxSessionDuration: maximum,
            mfaSerial: mfa ? "arn:aws:iam::111111111111:mfa/alice" : nil, incidents: incidents)
    }

    static func type(_ text: String, into form: inout BreakGlassForm) {
        for character in text { _ = form.handle(.character(character)) }
    }

    @Test func aCompleteFormSubmitsEverything() {
        var form = Self.form()
        Self.type("database failover after outage", into: &form)
        _ = form.handle(.tab)
        _ = form.handle(.control("n"))
        _ = form.handle(.tab)
        _ = form.handle(.right)
        _ = form.handle(.tab)
        Self.type("12a3456", into: &form)
        _ = form.handle(.tab)
        Self.type("payments-prod", into: &form)
        let outcome = form.handle(.enter)
        #expect(
            outcome
                == .submitted(
                    BreakGlassForm.Submission(
                        accountId: "222222222222", roleName: "BreakGlassAdmin",
                        reason: "database failover after outage", ticket: "PD#812 PABC123",
                        durationSeconds: 7200,
                        mfaCode: "123456", confirmation: "payments-prod")))
    }

    @Test func durationsStopAtTheRoleMaximum() {
        var form = Self.form(maximum: 3600)
        #expect(form.durations == [900, 1800, 3600])
        #expect(form.durationSeconds == 3600)
        form.focus = .duration
        for _ in 0..<5 { _ = form.handle(.right) }
        #expect(form.durationSeconds == 3600)
        for _ in 0..<5 { _ = form.handle(.left) }
        #expect(form.durationSeconds == 900)
    }

    @Test func onlyOpenIncidentsAreOffered() {
        #expect(Self.form().incidents.map(\.id) == ["PABC123"])
    }

    @Test func missingPartsKeepTheFormOpenOnTheRightField() {
        var form = Self.form()
        #expect(form.handle(.enter) == .editing)
        #expect(form.focus == .reason && form.error?.contains("reason") == true)
        Self.type("database failover after outage", into: &form)
        #expect(form.handle(.enter) == .editing)
        #expect(form.focus == .mfaCode)
        Self.type("123456", into: &form)
        #expect(form.handle(.enter) == .editing)
        #expect(form.focus == .confirmation && form.error?.contains("payments-prod") == true)
        Self.type("payments-PROD", into: &form)
        #expect(form.handle(.enter) == .editing)
    }

    @Test func fieldsFollowTheAccountAndProfile() {
        #expect(Self.form(production: false, mfa: false).fields == [.reason, .ticket, .duration])
        #expect(Self.form().fields == [.reason, .ticket, .duration, .mfaCode, .confirmation])
        var form = Self.form()
        #expect(form.handle(.escape) == .cancelled)
    }

    @Test func theMFACodeIsMaskedOnScreen() {
        var form = Self.form()
        form.focus = .mfaCode
        Self.type("654321", into: &form)
        var buffer = ScreenBuffer(size: Size(width: 70, height: form.height))
        form.draw(into: &buffer, area: Rect(x: 0, y: 0, width: 70, height: form.height), glyphs: .unicode)
        let text = (0..<form.height).map { buffer.line($0) }.joined(separator: "\n")
        #expect(!text.contains("654321"))
        #expect(text.contains("Break-glass: BreakGlassAdmin in payments-prod (222222222222)"))
        #expect(text.contains("< 1h >  (at most 2h)"))
        #expect(text.contains("> MFA code"))
    }

    @Test func theHeaderCountsDownTheSoonestSession() {
        let now = UIFixtures.now
        let countdown = BreakGlassCountdown(sessions: [
            .init(label: "search-prod/Admin", expiration: now.addingTimeInterval(7200)),
            .init(label: "payments-prod/BreakGlassAdmin", expiration: now.addingTimeInterval(2527)),
            .init(label: "old/Admin", expiration: now.addingTimeInterval(-1)),
        ])
        #expect(countdown.headerText(at: now) == "BREAK-GLASS payments-prod/BreakGlassAdmin 42:07 +1")
        #expect(!countdown.isEnding(at: now))
        #expect(countdown.isEnding(at: now.addingTimeInterval(2300)))
        #expect(
            countdown.headerText(at: now.addingTimeInterval(2600)) == "BREAK-GLASS search-prod/Admin 1:16:40")
        #expect(countdown.headerText(at: now.addingTimeInterval(8000)) == nil)
    }
}
