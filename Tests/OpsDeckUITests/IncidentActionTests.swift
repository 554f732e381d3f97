import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

/// Acknowledge, resolve, snooze, note and reassign on the Alerts pane: the dialog, the
/// refusal under --readonly, and the pending / conflict state on the row.
@Suite struct IncidentActionTests {
    typealias F = UIFixtures

    func state(readonly: Bool = false, selecting rowId: String) throws -> AppState {
        var state = AppState(size: F.dashboardSize, now: F.now, theme: F.theme, readonly: readonly)
        _ = state.reduce(.snapshot(F.snapshot))
        let pane = state.pane(.alerts)
        let index = try #require(pane.visible.firstIndex { pane.content.rows[$0].id == rowId })
        state.updatePane(.alerts) { $0.select(index) }
        return state
    }

    func statusCell(_ state: AppState, _ rowId: String) -> String? {
        guard let row = state.pane(.alerts).content.rows.first(where: { $0.id == rowId }) else { return nil }
        return row.cells[5].searchText
    }

    @Test func acknowledgeAsksFirstAndNamesTheIncident() throws {
        var s = try state(selecting: "pd:PI1")
        #expect(s.press(.character("a")).isEmpty)
        guard case .incidentConfirm(let prompt) = s.mode else {
            Issue.record("no confirmation: \(s.mode)")
            return
        }
        #expect(prompt.action == IncidentAction(incidentId: "PI1", kind: .acknowledge))
        let screen = ConsoleRenderer.render(s).text
        #expect(screen.contains("Acknowledge incident?"))
        #expect(screen.contains("#101 Payments 5xx"))
        #expect(screen.contains("PRODUCTION account"))
        #expect(
            s.press(.character("y")) == [
                .incidentAction(IncidentAction(incidentId: "PI1", kind: .acknowledge))
            ])
        guard case .normal = s.mode else {
            Issue.record("still in \(s.mode)")
            return
        }
    }

    @Test func declineSendsNothing() throws {
        var s = try state(selecting: "pd:PI1")
        s.press(.character("R"))
        #expect(s.press(.character("n")).isEmpty)
        #expect(s.message?.text.contains("Cancelled") == true)
        guard case .normal = s.mode else {
            Issue.record("still in \(s.mode)")
            return
        }
    }

    @Test(arguments: ["a", "R", "Z", "n", "A"])
    func readonlyRefusesEveryAction(key: Character) throws {
        var s = try state(readonly: true, selecting: "pd:PI2")
        #expect(s.press(.character(key)).isEmpty)
        guard case .normal = s.mode else {
            Issue.record("a dialog opened under --readonly: \(s.mode)")
            return
        }
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("--readonly") == true)
    }

    @Test func alarmOnlyRowHasNoIncidentToActOn() throws {
        let arn = F.alarmARN(F.apiProd, "us-east-1", "db-disk-info")
        var s = try state(selecting: "cw:\(arn)")
        #expect(s.press(.character("a")).isEmpty)
        #expect(s.message?.text.contains("no PagerDuty incident") == true)
    }

    @Test func actionsOnlyWorkOnTheAlertsPane() throws {
        var s = try state(selecting: "pd:PI1")
        s.press(.character("1"), .character("a"))
        #expect(s.message?.isError == true)
        guard case .normal = s.mode else {
            Issue.record("a dialog opened outside Alerts")
            return
        }
    }

    @Test func noteIsTypedThenConfirmed() throws {
        var s = try state(selecting: "pd:PI3")
        s.press(.character("n"))
        guard case .incidentInput = s.mode else {
            Issue.record("no note field: \(s.mode)")
            return
        }
        s.type("rolled back v42")
        #expect(ConsoleRenderer.render(s).text.contains("Note: rolled back v42"))
        s.press(.enter)
        guard case .incidentConfirm(let prompt) = s.mode else {
            Issue.record("no confirmation after the note: \(s.mode)")
            return
        }
        #expect(prompt.action == IncidentAction(incidentId: "PI3", kind: .note("rolled back v42")))
        #expect(
            s.press(.enter) == [
                .incidentAction(IncidentAction(incidentId: "PI3", kind: .note("rolled back v42")))
            ])
    }

    @Test func reassignTakesUserIds() throws {
        var s = try state(selecting: "pd:PI3")
        s.press(.character("A"))
        s.type("PUSER1, PUSER2")
        s.press(.enter)
        let effects = s.press(.character("y"))
        #expect(
            effects == [
                .incidentAction(
                    IncidentAction(incidentId: "PI3", kind: .reassign(userIds: ["PUSER1", "PUSER2"])))
            ])
    }

    @Test func snoozeNeedsAnAcknowledgedIncident() throws {
        var triggered = try state(selecting: "pd:PI1")
        triggered.press(.character("Z"))
        #expect(triggered.message?.text.contains("acknowledge it first") == true)

        var acknowledged = try state(selecting: "pd:PI2")
        acknowledged.press(.character("Z"))
        let effects = acknowledged.press(.character("y"))
        #expect(effects == [.incidentAction(IncidentAction(incidentId: "PI2", kind: .snooze(seconds: 3600)))])
    }

    @Test func pendingThenConflictThenSentOnTheRow() throws {
        var s = try state(selecting: "pd:PI1")
        let action = IncidentAction(incidentId: "PI1", kind: .acknowledge)
        var queued = QueuedIncidentAction(
            id: "q1", action: action, state: .pending, enqueuedAt: F.now, attempts: 1,
            message: "PagerDuty (api.pagerduty.com) cannot be reached")
        _ = s.reduce(.incidentActionQueued(queued))
        #expect(statusCell(s, "pd:PI1") == "ack…")
        #expect(s.message?.text.contains("queued") == true)
        #expect(s.message?.isError == false)

        queued.state = .conflict
        queued.message = "already resolved by Bob Builder"
        _ = s.reduce(.incidentActionQueued(queued))
        #expect(statusCell(s, "pd:PI1") == "conflict!")
        #expect(s.message?.text.contains("already resolved by Bob Builder") == true)
        #expect(s.message?.isError == true)
        let detail = AlertsPresenter.detail("pd:PI1", s.snapshot, s.context)
        #expect(detail.contains { $0.0 == "Queued action" && $0.1.contains("Bob Builder") })

        queued.state = .sent
        _ = s.reduce(.incidentActionQueued(queued))
        #expect(statusCell(s, "pd:PI1") == "triggered")
    }

    @Test func headerShowsWhoIsOnCall() throws {
        var snapshot = F.snapshot
        snapshot.pagerDuty.onCalls = [
            OnCall(userName: "Alice Example", userId: "PU1", escalationPolicy: "Primary", escalationLevel: 1),
            OnCall(userName: "Bob Builder", userId: "PU2", escalationPolicy: "Primary", escalationLevel: 2),
        ]
        var s = AppState(size: F.dashboardSize, now: F.now, theme: F.theme)
        _ = s.reduce(.snapshot(snapshot))
        let header = ConsoleRenderer.render(s).text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("on call: Alice Example"))
        #expect(!header.contains("Bob Builder"))
    }

    /// A long AWS error in the data-age slot is cut, so who is on call stays in the header.
    @Test func aLongErrorLeavesRoomForWhoIsOnCall() throws {
        var snapshot = F.snapshot
        snapshot.pagerDuty.onCalls = [
            OnCall(userName: "Alice Example", userId: "PU1", escalationPolicy: "Primary", escalationLevel: 1)
        ]
        let error =
            "AccessDenied: User arn:aws:iam::111111111111:user/ops is not authorized to perform "
            + "sts:AssumeRole on resource arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"
        snapshot.statuses = snapshot.statuses.map { status in
            var failed = status
            failed.lastAttemptAt = F.now
            failed.lastError = error
            return failed
        }
        var s = AppState(size: F.dashboardSize, now: F.now, theme: F.theme)
        _ = s.reduce(.snapshot(snapshot))
        let header = ConsoleRenderer.render(s).text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("AccessDenied"), "\(header)")
        #expect(!header.contains("OrganizationAccountAccessRole"), "\(header)")
        #expect(header.contains("on call: Alice Example"), "\(header)")
    }

    @Test func confirmationScreen() throws {
        var s = try state(selecting: "pd:PI2")
        s.press(.character("R"))
        ScreenSnapshot.assertMatches(
            ConsoleRenderer.render(s).snapshot(roles: true), named: "incident-confirm")
    }
}
