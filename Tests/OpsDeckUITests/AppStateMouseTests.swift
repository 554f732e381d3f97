import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

@Suite struct AppStateMouseTests {
    typealias F = UIFixtures

    private func click(_ state: inout AppState, _ x: Int, _ y: Int, _ kind: MouseEvent.Kind = .press) {
        _ = state.reduce(.mouse(MouseEvent(kind: kind, position: Point(x: x, y: y))))
    }

    @Test func pressingARowFocusesThePaneAndSelectsIt() throws {
        var state = F.state()
        let body = try #require(state.layout.tableBody(for: .accounts))
        click(&state, body.x + 3, body.y + 2)
        #expect(state.focus == .accounts)
        #expect(state.pane(.accounts).selected == 2)
        #expect(state.pane(.accounts).selectedRow?.id == F.audit)
    }

    @Test func pressingTheFrameOnlyFocuses() throws {
        var state = F.state()
        let rect = try #require(state.layout.panes[.pipelines])
        click(&state, rect.x, rect.y)
        #expect(state.focus == .pipelines)
        #expect(state.pane(.pipelines).selected == 0)
    }

    @Test func pressingBelowTheLastRowKeepsTheSelection() throws {
        var state = F.state()
        state.press(.character("j"))
        let body = try #require(state.layout.tableBody(for: .alerts))
        click(&state, body.x + 1, body.maxY - 1)
        #expect(state.focus == .alerts)
        #expect(state.pane(.alerts).selected == 1)
    }

    @Test func pressingAccountsForTheScrollOffset() throws {
        var state = F.state(size: Size(width: 40, height: 12))
        state.press(.character("1"), .character("G"))
        #expect(state.pane(.accounts).offset == 5)
        let body = try #require(state.layout.tableBody(for: .accounts))
        click(&state, body.x, body.y)
        #expect(state.pane(.accounts).selected == 5)
    }

    @Test func wheelMovesTheSelectionUnderThePointerWithoutFocusing() throws {
        var state = F.state()
        let rect = try #require(state.layout.panes[.pipelines])
        click(&state, rect.x + 2, rect.y + 3, .wheelDown)
        #expect(state.focus == .alerts)
        #expect(state.pane(.pipelines).selected == 3)
        click(&state, rect.x + 2, rect.y + 3, .wheelDown)
        #expect(state.pane(.pipelines).selected == 4)
        click(&state, rect.x + 2, rect.y + 3, .wheelUp)
        #expect(state.pane(.pipelines).selected == 1)
    }

    @Test func releaseAndClicksOutsidePanesDoNothing() {
        var state = F.state()
        click(&state, 5, 0)
        click(&state, 5, 39)
        let body = state.layout.tableBody(for: .accounts)
        click(&state, (body?.x ?? 0) + 1, (body?.y ?? 0) + 1, .release)
        #expect(state.focus == .alerts)
        #expect(state.pane(.accounts).selected == 0)
    }

    @Test func clickingATabShowsThatPane() {
        var state = F.state(size: Size(width: 80, height: 20))
        click(&state, 15, 1)
        #expect(state.focus == .roles)
        click(&state, 50, 1)
        #expect(state.focus == .cost)
        click(&state, 12, 1)
        #expect(state.focus == .cost)
    }

    @Test func mouseIsIgnoredWhileALineOrOverlayIsOpen() throws {
        var state = F.state()
        let body = try #require(state.layout.tableBody(for: .accounts))
        state.press(.character("/"))
        click(&state, body.x + 1, body.y + 2)
        #expect(state.focus == .alerts)
        state.press(.escape, .character("?"))
        click(&state, body.x + 1, body.y + 2)
        #expect(state.focus == .alerts)
        #expect(state.pane(.accounts).selected == 0)
    }
}
