import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckUI

@Suite struct PaneStateTests {
    static let columns = [
        PaneColumn("Name", width: 10), PaneColumn("Cost", width: 8), PaneColumn("Runs", width: 4),
    ]

    static func row(_ id: String, _ name: String, _ cost: Double, _ runs: Int) -> PaneRow {
        PaneRow(id: id, cells: [.text(name), .money(cost), .count(runs)])
    }

    static let flat = PaneContent(
        columns: columns,
        rows: [
            row("a", "alpha", 30, 1), row("b", "Bravo", 10, 3), row("c", "charlie", 20, 2),
            row("d", "delta", 10, 0),
        ])

    /// root { A { acct1 }, B { acct2 }, acct3 }
    static let tree = PaneContent(
        columns: columns,
        rows: [
            PaneRow(id: "ou:root", cells: [.text("Root")], nodeId: "root"),
            PaneRow(id: "ou:a", cells: [.text("Team A")], depth: 1, nodeId: "a", ancestors: ["root"]),
            PaneRow(id: "acct1", cells: [.text("zulu")], depth: 2, ancestors: ["root", "a"]),
            PaneRow(id: "ou:b", cells: [.text("Team B")], depth: 1, nodeId: "b", ancestors: ["root"]),
            PaneRow(id: "acct2", cells: [.text("yankee")], depth: 2, ancestors: ["root", "b"]),
            PaneRow(id: "acct3", cells: [.text("xray")], depth: 1, ancestors: ["root"]),
        ],
        isTree: true)

    static func numbered(_ count: Int) -> PaneContent {
        PaneContent(columns: columns, rows: (0..<count).map { row("r\($0)", "row \($0)", Double($0), $0) })
    }

    private func ids(_ pane: PaneState) -> [String] { pane.visible.map { pane.content.rows[$0].id } }

    private func pane(_ content: PaneContent) -> PaneState {
        var pane = PaneState()
        pane.setContent(content)
        return pane
    }

    // MARK: content and selection

    @Test func newPaneIsEmpty() {
        let pane = PaneState()
        #expect(pane.visible.isEmpty)
        #expect(pane.selectedRow == nil)
        #expect(pane.selected == 0)
        #expect(!pane.isFlattened)
    }

    @Test func setContentShowsEveryRowInDefaultOrder() {
        let pane = pane(Self.flat)
        #expect(ids(pane) == ["a", "b", "c", "d"])
        #expect(pane.selectedRow?.id == "a")
    }

    @Test func setContentKeepsTheSelectionOnTheSameId() {
        var pane = pane(Self.flat)
        pane.select(2)
        #expect(pane.selectedRow?.id == "c")
        let reordered = PaneContent(
            columns: Self.columns,
            rows: [
                Self.row("d", "delta", 1, 0), Self.row("c", "charlie", 1, 0), Self.row("new", "new", 1, 0),
            ])
        pane.setContent(reordered)
        #expect(pane.selectedRow?.id == "c")
        #expect(pane.selected == 1)
    }

    @Test func setContentClampsWhenTheSelectedRowIsGone() {
        var pane = pane(Self.flat)
        pane.select(3)
        pane.setContent(
            PaneContent(columns: Self.columns, rows: [Self.row("x", "x", 0, 0), Self.row("y", "y", 0, 0)]))
        #expect(pane.selected == 1)
        #expect(pane.selectedRow?.id == "y")
        pane.setContent(.empty)
        #expect(pane.selected == 0)
        #expect(pane.selectedRow == nil)
    }

    @Test func setContentKeepsFilterAndSort() {
        var pane = pane(Self.flat)
        pane.setFilter("a")
        pane.sort(by: 1)
        pane.setContent(Self.flat)
        #expect(pane.filter?.query == "a")
        #expect(pane.sortColumn == 1)
        #expect(ids(pane) == ["b", "d", "c", "a"])
    }

    @Test(arguments: [(-5, 0), (0, 0), (2, 2), (3, 3), (4, 3), (1000, 3)])
    func selectClamps(index: Int, expected: Int) {
        var pane = pane(Self.flat)
        pane.select(index)
        #expect(pane.selected == expected)
    }

    @Test func selectOnAnEmptyPaneStaysAtZero() {
        var pane = PaneState()
        pane.select(5)
        #expect(pane.selected == 0)
        pane.move(by: -3)
        #expect(pane.selected == 0)
    }

    @Test func moveIsRelativeAndClamped() {
        var pane = pane(Self.flat)
        pane.move(by: 2)
        #expect(pane.selected == 2)
        pane.move(by: 5)
        #expect(pane.selected == 3)
        pane.move(by: -1)
        #expect(pane.selected == 2)
        pane.move(by: -10)
        #expect(pane.selected == 0)
    }

    // MARK: filter

    @Test func filterNarrowsAndWidens() {
        var pane = pane(Self.flat)
        pane.setFilter("l")
        #expect(ids(pane) == ["a", "c", "d"])
        #expect(pane.isFlattened)
        pane.setFilter("lp")
        #expect(ids(pane) == ["a"])
        pane.setFilter("l")
        #expect(ids(pane) == ["a", "c", "d"])
        pane.setFilter("")
        #expect(ids(pane) == ["a", "b", "c", "d"])
        #expect(pane.filter == nil)
        #expect(!pane.isFlattened)
    }

    @Test func filterIgnoresCaseAndMatchesAnyTextColumn() {
        var pane = pane(Self.flat)
        pane.setFilter("BRAVO")
        #expect(ids(pane) == ["b"])
        // Money cells are searchable as shown.
        pane.setFilter("$20.00")
        #expect(ids(pane) == ["c"])
    }

    @Test func fuzzyAndInvertedFilters() {
        var pane = pane(Self.flat)
        pane.setFilter("~cle")
        #expect(ids(pane) == ["c"])
        pane.setFilter("!a")
        #expect(ids(pane).isEmpty)
        pane.setFilter("!lt")
        #expect(ids(pane) == ["a", "b", "c"])
        #expect(pane.selectedRow?.id == "a")
    }

    @Test func filterKeepsTheSelectionWhenTheRowStillShows() {
        var pane = pane(Self.flat)
        pane.select(3)
        pane.setFilter("d")
        #expect(pane.selectedRow?.id == "d")
        pane.setFilter("")
        #expect(pane.selectedRow?.id == "d")
        #expect(pane.selected == 3)
    }

    @Test func filterThatHidesTheSelectionClamps() {
        var pane = pane(Self.flat)
        pane.select(3)
        pane.setFilter("alpha")
        #expect(pane.selected == 0)
        #expect(pane.selectedRow?.id == "a")
        pane.setFilter("nothing matches")
        #expect(pane.visible.isEmpty)
        #expect(pane.selectedRow == nil)
    }

    @Test func incrementalFilterAgreesWithAFreshOne() {
        let content = Self.numbered(300)
        var typed = pane(content)
        for query in ["r", "ro", "row", "row ", "row 1", "row 12", "row 1", "row", "!row 2", "~rw9", "~rw99"]
        {
            typed.setFilter(query)
            var fresh = pane(content)
            fresh.setFilter(query)
            #expect(typed.visible == fresh.visible, "query \(query)")
        }
    }

    // MARK: sort

    @Test func sortByColumnAscendingThenToggle() {
        var pane = pane(Self.flat)
        pane.sort(by: 1)
        #expect(pane.sortColumn == 1)
        #expect(pane.sortAscending)
        // Ties keep the default order.
        #expect(ids(pane) == ["b", "d", "c", "a"])
        pane.sort(by: 1)
        #expect(!pane.sortAscending)
        #expect(ids(pane) == ["a", "c", "b", "d"])
        pane.sort(by: 1)
        #expect(pane.sortAscending)
    }

    @Test func textSortsNaturallyIgnoringCase() {
        var letters = pane(Self.flat)
        letters.sort(by: 0, ascending: false)
        #expect(ids(letters) == ["d", "c", "b", "a"])
        var numbered = pane(Self.numbered(12))
        numbered.sort(by: 0)
        #expect(ids(numbered).prefix(3) == ["r0", "r1", "r2"])
        #expect(ids(numbered).last == "r11")
    }

    @Test func explicitDirectionDoesNotToggle() {
        var pane = pane(Self.flat)
        pane.sort(by: 2, ascending: true)
        pane.sort(by: 2, ascending: true)
        #expect(pane.sortAscending)
        #expect(ids(pane) == ["d", "a", "c", "b"])
    }

    @Test func sortingKeepsTheSelectedRow() {
        var pane = pane(Self.flat)
        pane.select(2)
        pane.sort(by: 2, ascending: false)
        #expect(pane.selectedRow?.id == "c")
        #expect(pane.selected == 1)
    }

    @Test func sortByNilReturnsToTheDefaultOrder() {
        var pane = pane(Self.flat)
        pane.sort(by: 1)
        pane.sort(by: nil)
        #expect(pane.sortColumn == nil)
        #expect(ids(pane) == ["a", "b", "c", "d"])
        #expect(!pane.isFlattened)
    }

    @Test func sortByAMissingColumnLeavesTheOrderAlone() {
        var pane = pane(Self.flat)
        pane.sort(by: 9)
        #expect(ids(pane) == ["a", "b", "c", "d"])
    }

    @Test func reverseSortWithoutAChoiceReversesTheDefault() {
        var pane = pane(Self.flat)
        pane.reverseSort()
        #expect(pane.sortColumn == 0)
        #expect(!pane.sortAscending)
        #expect(ids(pane) == ["d", "c", "b", "a"])
        pane.reverseSort()
        #expect(pane.sortAscending)
        #expect(ids(pane) == ["a", "b", "c", "d"])
    }

    @Test func reverseSortUsesThePaneDefaultColumnAndDirection() {
        let content = PaneContent(
            columns: Self.columns, rows: Self.flat.rows, defaultSortColumn: 1, defaultSortAscending: false)
        var pane = pane(content)
        #expect(pane.effectiveSortColumn == 1)
        #expect(ids(pane) == ["a", "c", "b", "d"])
        pane.reverseSort()
        #expect(pane.sortColumn == 1)
        #expect(pane.sortAscending)
        #expect(ids(pane) == ["b", "d", "c", "a"])
    }

    @Test func reverseSortFlipsAnExplicitSort() {
        var pane = pane(Self.flat)
        pane.sort(by: 2)
        pane.reverseSort()
        #expect(pane.sortColumn == 2)
        #expect(!pane.sortAscending)
        #expect(ids(pane) == ["b", "c", "a", "d"])
    }

    // MARK: tree

    @Test func collapsingAnOUHidesItsDescendants() {
        var pane = pane(Self.tree)
        pane.select(1)
        pane.toggleNode()
        #expect(pane.collapsed == ["a"])
        #expect(ids(pane) == ["ou:root", "ou:a", "ou:b", "acct2", "acct3"])
        #expect(pane.selectedRow?.id == "ou:a")
        pane.toggleNode()
        #expect(pane.collapsed.isEmpty)
        #expect(ids(pane) == ["ou:root", "ou:a", "acct1", "ou:b", "acct2", "acct3"])
    }

    @Test func collapsingTheRootHidesEverythingElse() {
        var pane = pane(Self.tree)
        pane.toggleNode()
        #expect(ids(pane) == ["ou:root"])
    }

    @Test func nestedCollapseSurvivesTheOuterExpand() {
        var pane = pane(Self.tree)
        pane.select(1)
        pane.toggleNode()
        pane.select(0)
        pane.toggleNode()
        pane.toggleNode()
        #expect(ids(pane) == ["ou:root", "ou:a", "ou:b", "acct2", "acct3"])
    }

    @Test func toggleOnAnAccountRowDoesNothing() {
        var pane = pane(Self.tree)
        pane.select(2)
        pane.toggleNode()
        #expect(pane.collapsed.isEmpty)
        #expect(pane.visible.count == 6)
    }

    @Test func sortingOrFilteringFlattensTheTree() {
        var pane = pane(Self.tree)
        pane.select(1)
        pane.toggleNode()
        pane.sort(by: 0)
        #expect(pane.isFlattened)
        #expect(pane.visible.count == 6)
        #expect(ids(pane).first == "ou:root")
        // Space does nothing while flattened.
        pane.select(0)
        pane.toggleNode()
        #expect(pane.collapsed == ["a"])
        pane.sort(by: nil)
        #expect(ids(pane) == ["ou:root", "ou:a", "ou:b", "acct2", "acct3"])
        pane.setFilter("zulu")
        #expect(ids(pane) == ["acct1"])
    }

    @Test func toggleNodeDoesNothingInAFlatPane() {
        var pane = pane(PaneContent(columns: Self.columns, rows: Self.tree.rows, isTree: false))
        pane.toggleNode()
        #expect(pane.collapsed.isEmpty)
        #expect(pane.visible.count == 6)
    }

    // MARK: scrolling

    @Test(arguments: [
        // selected, starting offset, height, expected offset
        (0, 0, 10, 0),
        (9, 0, 10, 0),
        (10, 0, 10, 1),
        (15, 0, 10, 6),
        (3, 6, 10, 3),
        (99, 0, 10, 90),
        (95, 95, 10, 90),
        (50, 45, 10, 45),
        (0, 40, 1, 0),
        (7, 0, 1, 7),
    ])
    func scrollToSelection(selected: Int, offset: Int, height: Int, expected: Int) {
        var pane = pane(Self.numbered(100))
        pane.select(selected)
        pane.offset = offset
        pane.scrollToSelection(height: height)
        #expect(pane.offset == expected)
        #expect(pane.selected >= pane.offset && pane.selected < pane.offset + height)
    }

    @Test func scrollWithNoHeightChangesNothing() {
        var pane = pane(Self.numbered(100))
        pane.select(50)
        pane.offset = 7
        pane.scrollToSelection(height: 0)
        #expect(pane.offset == 7)
    }

    @Test func shrinkingContentPullsTheOffsetBack() {
        var pane = pane(Self.numbered(100))
        pane.select(80)
        pane.scrollToSelection(height: 10)
        #expect(pane.offset == 71)
        pane.setContent(Self.numbered(5))
        pane.scrollToSelection(height: 10)
        #expect(pane.offset == 0)
        #expect(pane.selected == 4)
    }
}
