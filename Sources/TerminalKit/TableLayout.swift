/// Where a `Table` put things on screen: for mouse hit-testing and for the caller to
/// keep the scroll offset the table settled on.
public struct TableLayout: Sendable, Hashable {
    /// The header row's y, nil without a header.
    public var headerY: Int?
    /// The rows area (without the header and the scrollbar).
    public var body: Rect
    /// The first row in view, after keeping the selection visible.
    public var offset: Int
    public var rowCount: Int
    /// The screen columns of each table column; empty for columns that did not fit.
    public var columnSpans: [Range<Int>]
    /// Where the scrollbar is, nil when none is drawn.
    public var scrollbar: Rect?

    public init(
        headerY: Int?, body: Rect, offset: Int, rowCount: Int, columnSpans: [Range<Int>], scrollbar: Rect?
    ) {
        self.headerY = headerY
        self.body = body
        self.offset = offset
        self.rowCount = rowCount
        self.columnSpans = columnSpans
        self.scrollbar = scrollbar
    }

    /// The indices of the rows in view.
    public var visibleRows: Range<Int> {
        let start = min(offset, rowCount)
        return start..<min(rowCount, start + body.height)
    }

    /// The index of the row drawn at `point`, nil for the header, the scrollbar, empty
    /// space below the last row, or outside the table.
    public func rowIndex(at point: Point) -> Int? {
        guard body.contains(point) else { return nil }
        let index = offset + (point.y - body.y)
        return index < rowCount ? index : nil
    }

    /// The table column under `point` (in the header or the body), nil between columns.
    public func columnIndex(at point: Point) -> Int? {
        let inHeader = headerY == point.y && point.x >= body.x && point.x < body.maxX
        guard inHeader || body.contains(point) else { return nil }
        return columnSpans.firstIndex { $0.contains(point.x) }
    }

    /// True when `point` is on the header row (a click there sorts).
    public func isHeader(_ point: Point) -> Bool {
        headerY == point.y && point.x >= body.x && point.x < body.maxX
    }
}
