import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

/// Focus, zoom, selection, views, sort, resize and time, driven by keys.
@Suite struct AppStateNavigationTests {
    typealias F = UIFixtures

    @Test func startsOnAlertsInTheDashboard() {
        let state = F.state()
        #expect(state.focus == .alerts)
        #expect(state.layout.isDashboard)
        #expect(state.isNormal)
        #expect(state.visibleIds.count == 5)
    }

    @Test func tabAndShiftTabCycleFocus() {
        var state = F.state()
        state.press(.tab)
        #expect(state.focus == .cost)
        state.press(.tab)
        #expect(state.focus == .accounts)
        state.press(.backTab)
        #expect(state.focus == .cost)
        state.press(.backTab, .backTab)
        #expect(state.focus == .pipelines)
    }

    @Test(
        arguments: [("1", PaneID.accounts), ("2", .roles), ("3", .pipelines), ("4", .alerts), ("5", .cost)]
            as [(Character, PaneID)])
    func numberKeysJumpToPanes(key: Character, pane: PaneID) {
        var state = F.state()
        state.press(.character(key))
        #expect(state.focus == pane)
    }

    @Test func zoomToggles() throws {
        var state = F.state()
        state.press(.character("z"))
        #expect(state.zoomed)
        #expect(!state.layout.isDashboard)
        #expect(Array(state.layout.panes.keys) == [.alerts])
        state.press(.character("z"))
        #expect(!state.zoomed)
        #expect(state.layout.isDashboard)
    }

    @Test func enterZoomsInTheDashboardThenOpensTheDetail() {
        var state = F.state()
        state.press(.enter)
        #expect(state.zoomed)
        #expect(state.isNormal)
        state.press(.character("j"))
        state.press(.enter)
        guard case .detail(let pane, let rowId, let offset) = state.mode else {
            Issue.record("expected the detail view, got \(state.mode)")
            return
        }
        #expect(pane == .alerts)
        #expect(rowId == "pd:PI2")
        #expect(offset == 0)
    }

    @Test func enterOpensTheDetailDirectlyInTheOnePaneLayout() {
        var state = F.state(size: Size(width: 40, height: 12))
        state.press(.enter)
        #expect(!state.zoomed)
        guard case .detail(.alerts, "pd:PI1", 0) = state.mode else {
            Issue.record("expected the detail view, got \(state.mode)")
            return
        }
    }

    @Test func enterOnAnEmptyPaneOpensNothing() {
        var state = AppState(size: Size(width: 40, height: 12), now: F.now, theme: F.theme)
        state.press(.enter)
        #expect(state.isNormal)
    }

    @Test func detailScrollsAndClosesWithEscOrQ() {
        var state = F.state(size: Size(width: 40, height: 12))
        state.press(.enter)
        // 21 detail lines, a page of 8: the offset runs 0...13.
        state.press(.character("j"), .character("j"))
        guard case .detail(_, _, 2) = state.mode else { Issue.record("\(state.mode)"); return }
        state.press(.character("G"))
        guard case .detail(_, _, 13) = state.mode else { Issue.record("\(state.mode)"); return }
        state.press(.pageUp)
        guard case .detail(_, _, 5) = state.mode else { Issue.record("\(state.mode)"); return }
        state.press(.character("g"), .character("k"))
        guard case .detail(_, _, 0) = state.mode else { Issue.record("\(state.mode)"); return }
        #expect(state.press(.character("q")) == [])
        #expect(state.isNormal)
        state.press(.enter)
        state.press(.escape)
        #expect(state.isNormal)
    }

    @Test func helpOpensScrollsAndCloses() {
        var state = F.state()
        state.press(.character("?"))
        guard case .help(0) = state.mode else { Issue.record("\(state.mode)"); return }
        state.press(.character("j"))
        guard case .help(1) = state.mode else { Issue.record("\(state.mode)"); return }
        let total = HelpContent.lines(keymap: .defaults).count
        state.press(.end)
        guard case .help(let bottom) = state.mode else { Issue.record("\(state.mode)"); return }
        #expect(bottom == total - (40 - 4))
        state.press(.character("?"))
        #expect(state.isNormal)
        state.press(.character("?"))
        #expect(state.press(.character("q")) == [])
        #expect(state.isNormal)
        state.press(.character("?"), .escape)
        #expect(state.isNormal)
    }

    @Test func escClearsTheFilterFirstThenUnzooms() {
        var state = F.state()
        state.press(.character("z"))
        state.press(.character("/"))
        state.type("pay")
        state.press(.enter)
        #expect(state.pane(.alerts).filter?.query == "pay")
        state.press(.escape)
        #expect(state.pane(.alerts).filter == nil)
        #expect(state.zoomed)
        state.press(.escape)
        #expect(!state.zoomed)
        state.press(.escape)
        #expect(!state.zoomed)
        #expect(state.isNormal)
    }

    @Test func escNeverClearsTheSort() {
        var state = F.state()
        state.press(.character("s"))
        state.press(.escape)
        #expect(state.pane(.alerts).sortColumn == 0)
    }

    @Test func quitKeys() {
        var state = F.state()
        #expect(state.press(.character("q")) == [.quit])
        #expect(state.press(.control("c")) == [.quit])
    }

    @Test func ctrlCQuitsInEveryMode() {
        var filter = F.state()
        filter.press(.character("/"))
        #expect(filter.press(.control("c")) == [.quit])

        var command = F.state()
        command.press(.character(":"))
        #expect(command.press(.control("c")) == [.quit])

        var help = F.state()
        help.press(.character("?"))
        #expect(help.press(.control("c")) == [.quit])

        var detail = F.state(size: Size(width: 40, height: 12))
        detail.press(.enter)
        #expect(detail.press(.control("c")) == [.quit])

        var tiny = F.state(size: Size(width: 20, height: 6))
        #expect(tiny.press(.control("c")) == [.quit])
    }

    @Test func redrawAndSuspend() {
        var state = F.state()
        #expect(state.press(.control("l")) == [.redraw])
        #expect(state.press(.control("z")) == [.suspend])
        state.press(.character("/"))
        #expect(state.press(.control("l")) == [.redraw])
    }

    @Test func refreshAsksForTheFocusedPane() {
        var state = F.state()
        #expect(state.press(.character("r")) == [.refresh(.alerts)])
        #expect(state.message?.text == "Refreshing Alerts…")
        state.press(.character("3"))
        #expect(state.press(.character("r")) == [.refresh(.pipelines)])
    }

    @Test func rebuiltKeymapIsObeyed() {
        var state = F.state()
        state.keymap.rebind(.quit, to: [.character("x")])
        #expect(state.press(.character("q")) == [])
        #expect(state.press(.control("c")) == [])
        #expect(state.press(.character("x")) == [.quit])
    }

    @Test func movingTheSelection() {
        var state = F.state(size: Size(width: 40, height: 12))
        state.press(.character("1"))
        // One pane 40x9: a table body of 6 rows, so a page is 5.
        #expect(state.layout.tableBody(for: .accounts)?.height == 6)
        state.press(.character("j"), .down)
        #expect(state.pane(.accounts).selected == 2)
        state.press(.character("k"))
        #expect(state.pane(.accounts).selected == 1)
        state.press(.pageDown)
        #expect(state.pane(.accounts).selected == 6)
        #expect(state.pane(.accounts).offset == 1)
        state.press(.control("f"))
        #expect(state.pane(.accounts).selected == 10)
        state.press(.pageUp)
        #expect(state.pane(.accounts).selected == 5)
        state.press(.character("G"))
        #expect(state.pane(.accounts).selected == 10)
        #expect(state.pane(.accounts).offset == 5)
        state.press(.home)
        #expect(state.pane(.accounts).selected == 0)
        #expect(state.pane(.accounts).offset == 0)
        state.press(.up)
        #expect(state.pane(.accounts).selected == 0)
    }

    @Test func eachPaneKeepsItsOwnSelection() {
        var state = F.state()
        state.press(.character("j"))
        state.press(.character("1"), .character("j"), .character("j"))
        state.press(.character("4"))
        #expect(state.pane(.alerts).selected == 1)
        #expect(state.pane(.accounts).selected == 2)
    }

    @Test func spaceCollapsesTheSelectedOU() {
        var state = F.state()
        state.press(.character("1"), .character("j"), .character(" "))
        #expect(!state.visibleIds.contains(F.audit))
        #expect(state.visibleIds.count == 10)
        state.press(.character(" "))
        #expect(state.visibleIds.contains(F.audit))
    }

    @Test func vTogglesTheRolesBaseline() {
        var state = F.state()
        state.press(.character("2"), .character("v"))
        #expect(state.rolesView == .baseline)
        #expect(state.pane(.roles).content.columns == RolesPresenter.baselineColumns)
        #expect(state.visibleIds.first == "baseline:OrganizationAccountAccessRole")
        #expect(state.message?.text == "Roles: baseline (missing and drifted roles)")
        state.press(.character("v"))
        #expect(state.rolesView == .list)
        #expect(state.pane(.roles).content.columns == RolesPresenter.listColumns)
        #expect(state.message?.text == "Roles: every role")
    }

    @Test func vTogglesCostByService() {
        var state = F.state()
        state.press(.character("5"), .character("v"))
        #expect(state.costView == .byService)
        #expect(state.visibleIds == ["service:AmazonEC2", "service:AWSLambda", "service:AmazonS3"])
        #expect(state.message?.text == "Cost by service")
        state.press(.character("v"))
        #expect(state.costView == .byAccount)
        #expect(state.visibleIds.first == "account:\(F.paymentsProd)")
    }

    @Test func vDoesNothingElsewhere() {
        var state = F.state()
        let before = state.visibleIds
        state.press(.character("v"))
        #expect(state.rolesView == .list)
        #expect(state.costView == .byAccount)
        #expect(state.message == nil)
        #expect(state.visibleIds == before)
    }

    @Test func sCyclesThroughTheColumnsThenBackToTheDefaultOrder() {
        var state = F.state()
        let defaultOrder = state.visibleIds
        let titles = AlertsPresenter.columns.map(\.title)
        for (index, title) in titles.enumerated() {
            state.press(.character("s"))
            #expect(state.pane(.alerts).sortColumn == index)
            #expect(state.pane(.alerts).sortAscending)
            #expect(state.message?.text == "Sorted by \(title) ascending")
        }
        // Last sorted by Age: the youngest alert first.
        #expect(state.visibleIds.first == "cw:\(F.alarmARN(F.apiProd, "us-east-1", "db-disk-info"))")
        state.press(.character("s"))
        #expect(state.pane(.alerts).sortColumn == nil)
        #expect(state.message?.text == "Default order")
        #expect(state.visibleIds == defaultOrder)
    }

    @Test func shiftSReversesTheOrder() {
        var state = F.state()
        state.press(.character("S"))
        #expect(state.pane(.alerts).sortColumn == 0)
        #expect(!state.pane(.alerts).sortAscending)
        #expect(state.message?.text == "Sorted by Sev descending")
        #expect(
            state.visibleIds == [
                "pd:PI5", "pd:PI3", "cw:\(F.alarmARN(F.apiProd, "us-east-1", "db-disk-info"))", "pd:PI2",
                "pd:PI1",
            ])
        state.press(.character("S"))
        #expect(state.message?.text == "Sorted by Sev ascending")
        #expect(state.visibleIds.first == "pd:PI1")
    }

    @Test func resizeSwitchesLayouts() {
        var state = F.state()
        _ = state.reduce(.resize(Size(width: 40, height: 12)))
        #expect(!state.layout.isDashboard)
        #expect(state.layout.tabBar != nil)
        #expect(!state.layout.tooSmall)
        _ = state.reduce(.resize(Size(width: 20, height: 6)))
        #expect(state.layout.tooSmall)
        #expect(state.layout.panes.isEmpty)
        // Keys still work while the window is too small.
        state.press(.character("3"))
        #expect(state.focus == .pipelines)
        #expect(state.press(.character("q")) == [.quit])
        _ = state.reduce(.resize(F.dashboardSize))
        #expect(state.layout.isDashboard)
    }

    @Test func resizeKeepsTheSelectionOnScreen() {
        var state = F.state()
        state.press(.character("1"), .character("G"))
        #expect(state.pane(.accounts).offset == 0)
        _ = state.reduce(.resize(Size(width: 40, height: 12)))
        #expect(state.focus == .accounts)
        #expect(state.pane(.accounts).offset == 5)
    }

    @Test func tickAdvancesTimeAndExpiresMessages() {
        var state = F.state()
        _ = state.reduce(.message("hello", isError: false))
        #expect(
            state.message
                == StatusMessage(text: "hello", isError: false, expiresAt: F.now.addingTimeInterval(4)))
        _ = state.reduce(.tick(F.now.addingTimeInterval(3)))
        #expect(state.now == F.now.addingTimeInterval(3))
        #expect(state.message?.text == "hello")
        _ = state.reduce(.tick(F.now.addingTimeInterval(4)))
        #expect(state.message == nil)
    }

    @Test func errorsStayLonger() {
        var state = F.state()
        _ = state.reduce(.message("bad", isError: true))
        _ = state.reduce(.tick(F.now.addingTimeInterval(11)))
        #expect(state.message?.isError == true)
        _ = state.reduce(.tick(F.now.addingTimeInterval(12)))
        #expect(state.message == nil)
    }

    @Test func stalenessFollowsTheClock() {
        var state = F.state()
        #expect(state.staleness(of: .alerts) == .live)
        #expect(state.overallStaleness == .live)
        _ = state.reduce(.tick(F.now.addingTimeInterval(100)))
        #expect(state.staleness(of: .alerts) == .asOf(130))
        #expect(state.staleness(of: .accounts) == .live)
        #expect(state.overallStaleness == .asOf(130))
        #expect(AppState(size: F.dashboardSize, now: F.now, theme: F.theme).overallStaleness == .empty)
    }

    @Test func aFailedSourceMakesTheHeaderReportIt() {
        var snapshot = F.snapshot
        snapshot.statuses.append(
            SourceStatus(
                source: .cost, accountId: "*", region: "global", lastSuccessAt: F.ago(30), lastError: "denied"
            ))
        var state = F.state()
        _ = state.reduce(.snapshot(snapshot))
        #expect(state.overallStaleness == .failed(message: "denied", age: 30))
        #expect(state.staleness(of: .alerts) == .live)
    }

    @Test func aNewSnapshotKeepsTheSelectionOnTheSameRow() {
        var state = F.state()
        state.press(.character("j"), .character("j"), .character("j"))
        #expect(state.pane(.alerts).selectedRow?.id == "pd:PI3")
        var snapshot = F.snapshot
        snapshot.alarms.append(
            Alarm(
                arn: "arn:new", name: "brand-new-critical", accountId: F.audit, region: "us-east-1",
                state: .alarm,
                stateUpdatedAt: F.ago(5000)))
        _ = state.reduce(.snapshot(snapshot))
        #expect(state.visibleIds.first == "cw:arn:new")
        #expect(state.pane(.alerts).selectedRow?.id == "pd:PI3")
        #expect(state.pane(.alerts).selected == 4)
    }

    @Test func themeLoadedSwitchesAndSaysSo() {
        var state = F.state()
        _ = state.reduce(.themeLoaded(Theme(name: "light", styles: [:])))
        #expect(state.theme.name == "light")
        #expect(state.message?.text == "Theme light")
    }
}
