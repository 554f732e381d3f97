import TerminalKit
import Testing

@Suite struct StatusBarTests {
    @Test func leftAndRightSegments() {
        let bar = StatusBar(
            left: [.init("NORMAL", paint: role("mode")), .init(" 3/120", paint: role("text"))],
            right: [.init("as of 4m", paint: role("stale"))], paint: role("statusbar")
        )
        let buffer = render(30, 1) { bar.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(buffer.text == "NORMAL 3/120          as of 4m")
        #expect(buffer.roleRuns(inRow: 0).map(\.role) == ["mode", "text", "statusbar", "stale"])
        #expect(buffer.roleRuns(inRow: 0)[3].columns == 22..<30)
    }

    @Test func overflowKeepsTheRightSideAndCutsTheLeft() {
        let bar = StatusBar(left: [.init("abcdefghijklmnop")], right: [.init("as of 4m")])
        let unicode = render(16, 1) { bar.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(unicode.text == "abcdef… as of 4m")
        let ascii = render(16, 1) { bar.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(ascii.text == "abcd... as of 4m")
        let rightOnly = StatusBar(right: [.init("0123456789")])
        let cut = render(6, 1) { rightOnly.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(cut.text == "01234…")
    }
}

@Suite struct TabBarTests {
    private let tabs = TabBar(
        titles: ["Accounts", "Roles", "Pipelines"], active: 1, activePaint: role("tab.active"),
        inactivePaint: role("tab.inactive"), paint: role("statusbar")
    )

    @Test func numberedTabsWithSeparatorsAndHitRanges() {
        var ranges: [Range<Int>] = []
        let buffer = render(40, 1) { ranges = tabs.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(buffer.text == " 1 Accounts │ 2 Roles │ 3 Pipelines")
        #expect(ranges == [0..<12, 13..<22, 23..<36])
        #expect(TabBar.tabIndex(atColumn: 15, ranges: ranges) == 1)
        #expect(TabBar.tabIndex(atColumn: 12, ranges: ranges) == nil)
        #expect(TabBar.tabIndex(atColumn: 38, ranges: ranges) == nil)
        #expect(buffer.allCells(in: Rect(x: 13, y: 0, width: 9, height: 1), haveRole: "tab.active"))
        #expect(buffer[12, 0].role == "statusbar")
    }

    @Test func narrowBarCutsAndDropsTabs() {
        var ranges: [Range<Int>] = []
        let buffer = render(20, 1) { ranges = tabs.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(buffer.text == " 1 Accounts | 2 R...")
        #expect(ranges == [0..<12, 13..<20, 20..<20])
    }
}
