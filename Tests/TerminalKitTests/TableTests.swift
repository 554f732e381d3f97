import TerminalKit
import Testing

@Suite struct TableTests {
    private let columns = [
        TableColumn("NAME", width: .fit(max: 10)),
        TableColumn("ID", width: .fixed(4), alignment: .right),
        TableColumn("STATUS", width: .flexible(min: 4, weight: 1)),
    ]

    private let rows = [
        TableRow(["alpha", "1", "ok"]),
        TableRow(cells: ["beta", "22", TableCell("fail", paint: role("alarm"))]),
        TableRow(["gamma", "333", "ok"], paint: role("muted")),
    ]

    private func styled(_ table: Table) -> Table {
        var table = table
        table.headerPaint = role("table.header")
        table.rowPaint = role("text")
        table.selectionPaint = role("selection")
        table.placeholderPaint = role("muted")
        return table
    }

    @Test func headerWithSortArrowRowsAndSelection() {
        let table = styled(Table(columns: columns, rows: rows, selection: 0, sort: TableSort(column: 0)))
        let buffer = render(24, 5) { table.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(
            buffer.snapshot(roles: true) == """
                NAME▲   ID STATUS
                alpha    1 ok
                beta    22 fail
                gamma  333 ok

                --- roles ---
                0: 0-23 table.header
                1: 0-23 selection
                2: 0-10 text, 11-23 alarm
                3: 0-23 muted
                4: 0-23 text

                """
        )
    }

    @Test func selectionOverridesCellPaints() {
        let table = styled(Table(columns: columns, rows: rows, selection: 1))
        let buffer = render(24, 4) { table.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(buffer.allCells(in: Rect(x: 0, y: 2, width: 24, height: 1), haveRole: "selection"))
        #expect(buffer.allCells(in: Rect(x: 0, y: 1, width: 24, height: 1), haveRole: "text"))
    }

    @Test func descendingSortArrowAndAsciiGlyphs() {
        let cols = [
            TableColumn("NAME", width: .fixed(6)), TableColumn("COST", width: .fixed(6), alignment: .right),
        ]
        let data = [TableRow(["abcdefghij", "12.50"])]
        let table = Table(columns: cols, rows: data, sort: TableSort(column: 1, ascending: false))
        let unicode = render(13, 2) { table.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(unicode) == ["NAME    COST▼", "abcde…  12.50"])
        let ascii = render(13, 2) { table.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(lines(ascii) == ["NAME    COSTv", "abc...  12.50"])
    }

    @Test func cjkCellsAreTruncatedWithoutSplittingWideCharacters() {
        let cols = [TableColumn("名前", width: .fixed(5)), TableColumn("X", width: .fixed(2))]
        let data = [TableRow(["漢字漢字", "ab"]), TableRow(["a漢字", "漢字"])]
        let buffer = render(8, 3) {
            Table(columns: cols, rows: data).draw(into: &$0, area: $0.bounds, glyphs: .unicode)
        }
        #expect(lines(buffer) == ["名前  X", "漢字… ab", "a漢字 …"])
    }

    @Test func placeholderWhenThereAreNoRows() {
        let table = styled(Table(columns: columns, rows: [TableRow]()))
        let buffer = render(20, 3) { table.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(buffer) == ["NAME   ID STATUS", "      No rows", ""])
        #expect(buffer.roleRuns(inRow: 1).map(\.role) == ["muted"])
        #expect(buffer.allCells(in: Rect(x: 0, y: 2, width: 20, height: 1), haveRole: "text"))
    }

    @Test func scrollOffsetMovesAsLittleAsPossible() {
        #expect(Table.scrollOffset(selection: 0, offset: 0, visibleRows: 10, rowCount: 100) == 0)
        #expect(Table.scrollOffset(selection: 9, offset: 0, visibleRows: 10, rowCount: 100) == 0)
        #expect(Table.scrollOffset(selection: 10, offset: 0, visibleRows: 10, rowCount: 100) == 1)
        #expect(Table.scrollOffset(selection: 5, offset: 3, visibleRows: 10, rowCount: 100) == 3)
        #expect(Table.scrollOffset(selection: 2, offset: 5, visibleRows: 10, rowCount: 100) == 2)
        #expect(Table.scrollOffset(selection: 99, offset: 0, visibleRows: 10, rowCount: 100) == 90)
        #expect(Table.scrollOffset(selection: nil, offset: 42, visibleRows: 10, rowCount: 100) == 42)
    }

    @Test func scrollOffsetClampsWhenRowsShrink() {
        #expect(Table.scrollOffset(selection: 3, offset: 50, visibleRows: 10, rowCount: 20) == 3)
        #expect(Table.scrollOffset(selection: 15, offset: 50, visibleRows: 10, rowCount: 20) == 10)
        #expect(Table.scrollOffset(selection: 3, offset: 5, visibleRows: 10, rowCount: 8) == 0)
        #expect(Table.scrollOffset(selection: 0, offset: 0, visibleRows: 0, rowCount: 8) == 0)
    }

    @Test func scrollOffsetKeepsAMargin() {
        #expect(Table.scrollOffset(selection: 9, offset: 0, visibleRows: 10, rowCount: 100, margin: 2) == 2)
        #expect(Table.scrollOffset(selection: 7, offset: 5, visibleRows: 10, rowCount: 100, margin: 3) == 4)
        #expect(Table.scrollOffset(selection: 1, offset: 0, visibleRows: 10, rowCount: 100, margin: 3) == 0)
    }

    @Test func moveSelectionClamps() {
        #expect(Table.moveSelection(5, by: 3, rowCount: 7) == 6)
        #expect(Table.moveSelection(1, by: -3, rowCount: 7) == 0)
        #expect(Table.moveSelection(nil, by: 1, rowCount: 7) == 0)
        #expect(Table.moveSelection(nil, by: -1, rowCount: 7) == 6)
        #expect(Table.moveSelection(3, by: 1, rowCount: 0) == nil)
    }

    @Test func hugeTableFetchesOnlyVisibleRowsAndHitTests() {
        var fetched: [Int] = []
        var table = Table(
            columns: [TableColumn("N", width: .fit(max: 12))], rowCount: 100_000,
            rowAt: { index in
                fetched.append(index)
                return TableRow(["row \(index)"])
            },
            selection: 50_000
        )
        table.showsScrollbar = true
        var buffer = ScreenBuffer(size: Size(width: 20, height: 41))
        let layout = table.draw(into: &buffer, area: buffer.bounds, glyphs: .unicode)
        #expect(fetched == Array(49_961..<50_001))
        #expect(layout.offset == 49_961)
        #expect(layout.visibleRows == 49_961..<50_001)
        #expect(lines(buffer)[1].hasPrefix("row 4996"))
        #expect(lines(buffer)[40].hasPrefix("row 5000"))
        #expect(layout.rowIndex(at: Point(x: 0, y: 1)) == 49_961)
        #expect(layout.rowIndex(at: Point(x: 3, y: 40)) == 50_000)
        #expect(layout.rowIndex(at: Point(x: 3, y: 0)) == nil)
        #expect(layout.isHeader(Point(x: 3, y: 0)))
        #expect(layout.rowIndex(at: Point(x: 19, y: 5)) == nil, "the scrollbar column")
        #expect(layout.scrollbar == Rect(x: 19, y: 1, width: 1, height: 40))
    }

    @Test func hitTestingBelowTheLastRowAndColumns() {
        let table = Table(columns: columns, rows: rows)
        let layout = table.layout(in: Rect(x: 2, y: 3, width: 24, height: 10))
        #expect(layout.rowIndex(at: Point(x: 2, y: 4)) == 0)
        #expect(layout.rowIndex(at: Point(x: 2, y: 6)) == 2)
        #expect(layout.rowIndex(at: Point(x: 2, y: 7)) == nil)
        #expect(layout.rowIndex(at: Point(x: 1, y: 4)) == nil)
        #expect(layout.columnSpans == [2..<7, 8..<12, 13..<26])
        #expect(layout.columnIndex(at: Point(x: 9, y: 3)) == 1)
        #expect(layout.columnIndex(at: Point(x: 7, y: 4)) == nil)
    }

    @Test func scrollbarThumbTracksTheOffset() {
        #expect(Scrollbar.thumb(length: 10, total: 100, visible: 10, offset: 0) == 0..<1)
        #expect(Scrollbar.thumb(length: 10, total: 100, visible: 10, offset: 90) == 9..<10)
        #expect(Scrollbar.thumb(length: 10, total: 20, visible: 10, offset: 5) == 3..<8)
        #expect(Scrollbar.thumb(length: 10, total: 5, visible: 10, offset: 0) == 0..<10)
        let data = (0..<6).map { TableRow(["r\($0)"]) }
        var table = Table(columns: [TableColumn("H", width: .fixed(3))], rows: data, selection: 5)
        table.showsScrollbar = true
        let buffer = render(6, 4) { table.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(lines(buffer) == ["H", "r3   |", "r4   |", "r5   #"])
    }

    @Test func columnWidthsShareSpareWidthAndCutOverflow() {
        let cols = [
            TableColumn("A", width: .fixed(5)), TableColumn("B", width: .flexible(min: 2, weight: 1)),
            TableColumn("C", width: .flexible(min: 2, weight: 3)),
        ]
        #expect(
            Table.columnWidths(columns: cols, available: 19, spacing: 1, contentWidth: { _ in 0 }) == [
                5, 4, 8,
            ])
        let fixed = [
            TableColumn("A", width: .fixed(5)), TableColumn("B", width: .fixed(5)),
            TableColumn("C", width: .fixed(5)),
        ]
        #expect(
            Table.columnWidths(columns: fixed, available: 12, spacing: 1, contentWidth: { _ in 0 }) == [
                5, 5, 0,
            ])
        #expect(
            Table.columnWidths(columns: fixed, available: 30, spacing: 1, contentWidth: { _ in 0 }) == [
                5, 5, 5,
            ])
        let fit = [TableColumn("A", width: .fit(max: 6))]
        #expect(Table.columnWidths(columns: fit, available: 30, spacing: 1, contentWidth: { _ in 9 }) == [6])
    }

    @Test func givenContentWidthsAvoidMeasuringAndJitter() {
        var table = Table(columns: columns, rows: rows)
        table.contentWidths = [9, 0, 0]
        #expect(table.layout(in: Rect(x: 0, y: 0, width: 30, height: 5)).columnSpans[0] == 0..<9)
    }
}
