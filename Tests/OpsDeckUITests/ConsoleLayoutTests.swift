import TerminalKit
import Testing

@testable import OpsDeckUI

@Suite struct ConsoleLayoutTests {
    private func area(_ rect: Rect) -> Int { rect.width * rect.height }

    @Test(arguments: [
        Size(width: 100, height: 30), Size(width: 120, height: 40), Size(width: 250, height: 80),
    ])
    func dashboardTilesTheBodyWithAllFivePanes(size: Size) {
        let layout = ConsoleLayout(size: size, focus: .roles, zoomed: false)
        #expect(layout.isDashboard)
        #expect(!layout.tooSmall)
        #expect(layout.tabBar == nil)
        #expect(Set(layout.panes.keys) == Set(PaneID.allCases))
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        #expect(layout.panes.values.reduce(0) { $0 + area($1) } == area(body))
        for (a, ra) in layout.panes {
            #expect(ra.x >= 0 && ra.maxX <= size.width && ra.y >= 1 && ra.maxY <= size.height - 1, "\(a)")
            for (b, rb) in layout.panes where a != b {
                let overlaps = ra.x < rb.maxX && rb.x < ra.maxX && ra.y < rb.maxY && rb.y < ra.maxY
                #expect(!overlaps, "\(a) overlaps \(b)")
            }
        }
        #expect(layout.header == Rect(x: 0, y: 0, width: size.width, height: 1))
        #expect(layout.statusBar == Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
    }

    @Test func dashboardPlacesAlertsTopLeftAndRolesBottomRight() throws {
        let layout = ConsoleLayout(size: Size(width: 120, height: 40), focus: .alerts, zoomed: false)
        #expect(layout.pane(at: Point(x: 0, y: 1)) == .alerts)
        #expect(layout.pane(at: Point(x: 119, y: 1)) == .accounts)
        #expect(layout.pane(at: Point(x: 0, y: 38)) == .pipelines)
        #expect(layout.pane(at: Point(x: 119, y: 38)) == .roles)
        #expect(layout.pane(at: Point(x: 60, y: 38)) == .cost)
        #expect(layout.pane(at: Point(x: 5, y: 0)) == nil)
        #expect(layout.pane(at: Point(x: 5, y: 39)) == nil)
    }

    @Test(arguments: [
        Size(width: 99, height: 30), Size(width: 100, height: 29), Size(width: 40, height: 12),
        Size(width: 120, height: 25), Size(width: 30, height: 8),
    ])
    func belowTheDashboardSizeOnePaneWithATabBar(size: Size) throws {
        let layout = ConsoleLayout(size: size, focus: .pipelines, zoomed: false)
        #expect(!layout.isDashboard)
        #expect(!layout.tooSmall)
        #expect(layout.tabBar == Rect(x: 0, y: 1, width: size.width, height: 1))
        #expect(Array(layout.panes.keys) == [.pipelines])
        #expect(layout.panes[.pipelines] == Rect(x: 0, y: 2, width: size.width, height: size.height - 3))
    }

    @Test(arguments: [
        Size(width: 29, height: 8), Size(width: 30, height: 7), Size(width: 20, height: 6),
        Size(width: 0, height: 0),
    ])
    func tooSmall(size: Size) {
        let layout = ConsoleLayout(size: size, focus: .alerts, zoomed: false)
        #expect(layout.tooSmall)
        #expect(layout.panes.isEmpty)
        #expect(layout.tabBar == nil)
        #expect(!layout.isDashboard)
        #expect(layout.tableBody(for: .alerts) == nil)
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 50, height: 12)])
    func zoomedShowsTheFocusedPaneOverTheWholeBody(size: Size) {
        let layout = ConsoleLayout(size: size, focus: .cost, zoomed: true)
        #expect(!layout.isDashboard)
        #expect(layout.tabBar == nil)
        #expect(layout.panes == [.cost: Rect(x: 0, y: 1, width: size.width, height: size.height - 2)])
    }

    @Test func tableBodySitsInsideTheFrameBelowTheHeaderRow() throws {
        let layout = ConsoleLayout(size: Size(width: 60, height: 20), focus: .alerts, zoomed: true)
        let body = try #require(layout.tableBody(for: .alerts))
        #expect(body == Rect(x: 1, y: 3, width: 58, height: 15))
        #expect(layout.tableBody(for: .roles) == nil)
    }

    @Test(arguments: [(9, 0), (10, 3), (15, 3), (16, 6), (40, 6)])
    func costSummaryHeightGrowsWithThePane(height: Int, expected: Int) {
        let rect = Rect(x: 0, y: 0, width: 80, height: height)
        #expect(ConsoleLayout.summaryHeight(for: .cost, in: rect) == expected)
        #expect(ConsoleLayout.summaryHeight(for: .alerts, in: rect) == 0)
    }

    @Test func costTableBodyLeavesRoomForTheSummary() throws {
        let layout = ConsoleLayout(size: Size(width: 60, height: 20), focus: .cost, zoomed: true)
        // Pane height 18: inner 16, summary 6, header row 1.
        #expect(try #require(layout.tableBody(for: .cost)) == Rect(x: 1, y: 9, width: 58, height: 9))
    }

    @Test func tabBarLabelsAndHitRanges() {
        let tabs = TabBarLayout.tabs
        #expect(
            tabs.map(\.label) == [" 1 Accounts ", " 2 Roles ", " 3 Pipelines ", " 4 Alerts ", " 5 Cost "])
        #expect(tabs.map(\.range.lowerBound) == [0, 13, 23, 37, 48])
        #expect(TabBarLayout.pane(at: 0) == .accounts)
        #expect(TabBarLayout.pane(at: 11) == .accounts)
        #expect(TabBarLayout.pane(at: 12) == nil)
        #expect(TabBarLayout.pane(at: 13) == .roles)
        #expect(TabBarLayout.pane(at: 55) == .cost)
        #expect(TabBarLayout.pane(at: 56) == nil)
        #expect(TabBarLayout.pane(at: -1) == nil)
    }

    @Test func paneOrderAndNames() {
        #expect(PaneID.allCases.map(\.commandName) == ["accounts", "roles", "pipelines", "alerts", "cost"])
        #expect(PaneID.cost.next == .accounts)
        #expect(PaneID.accounts.previous == .cost)
        #expect(PaneID(commandName: "ALERTS") == .alerts)
        #expect(PaneID(commandName: "alert") == nil)
        #expect(PaneID.alerts.sources == [.alarms, .incidents])
    }
}
