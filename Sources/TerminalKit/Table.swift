/// A scrolling table with a header, a sort arrow, a highlighted selection, an
/// optional scrollbar and a placeholder when there are no rows.
///
/// Rows come from `rowAt`, called only for the rows in view, so drawing 40 rows of a
/// 100 000-row table costs the same as drawing 40 rows of a 40-row one.
public struct Table {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The row at an index in `0..<rowCount`; called only for rows in view.
    public var rowAt: (Int) -> TableRow
    /// The selected row, highlighted whole in `selectionPaint`.
    public var selection: Int?
    /// The first row in view, as last drawn; `draw` moves it as little as possible to
    /// keep the selection in view (see `scrollOffset`).
    public var offset: Int
    public var sort: TableSort?
    public var showsHeader: Bool
    public var showsScrollbar: Bool
    /// Blank columns between table columns.
    public var columnSpacing: Int
    /// Rows kept visible above and below the selection when scrolling, as vim's
    /// `scrolloff`.
    public var scrollMargin: Int
    /// Shown when there are no rows.
    public var placeholder: String
    public var headerPaint: Paint
    public var rowPaint: Paint
    public var selectionPaint: Paint
    public var placeholderPaint: Paint
    public var scrollbar: Scrollbar
    /// Content widths of `.fit` columns measured over all rows by the caller (once per
    /// data change); when nil they are measured over the rows in view.
    public var contentWidths: [Int]?

    public init(
        columns: [TableColumn], rowCount: Int, rowAt: @escaping (Int) -> TableRow,
        selection: Int? = nil, offset: Int = 0, sort: TableSort? = nil
    ) {
        self.columns = columns
        self.rowCount = max(0, rowCount)
        self.rowAt = rowAt
        self.selection = selection
        self.offset = offset
        self.sort = sort
        self.showsHeader = true
        self.showsScrollbar = false
        self.columnSpacing = 1
        self.scrollMargin = 0
        self.placeholder = "No rows"
        self.headerPaint = .plain
        self.rowPaint = .plain
        self.selectionPaint = Paint(Style(attributes: .reverse))
        self.placeholderPaint = .plain
        self.scrollbar = Scrollbar()
        self.contentWidths = nil
    }

    /// A table over a random-access collection of rows (an array, or a lazy map over
    /// the model that builds rows only when asked).
    public init<Rows: RandomAccessCollection>(
        columns: [TableColumn], rows: Rows, selection: Int? = nil, offset: Int = 0, sort: TableSort? = nil
    ) where Rows.Element == TableRow, Rows.Index == Int {
        let start = rows.startIndex
        self.init(
            columns: columns, rowCount: rows.count, rowAt: { rows[start + $0] }, selection: selection,
            offset: offset, sort: sort
        )
    }

    /// Rows of the body when the table fills `area`.
    public static func bodyHeight(for area: Rect, showsHeader: Bool = true) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0))
    }

    /// Where the table goes in `area`, without drawing it.
    public func layout(in area: Rect) -> TableLayout {
        resolve(in: area).layout
    }

    /// Draws the table into `area`.
    /// - Returns: where everything went; keep `offset` for the next draw.
    @discardableResult
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) -> TableLayout {
        let (layout, rows) = resolve(in: area)
        guard !area.isEmpty else { return layout }
        if let y = layout.headerY {
            drawHeader(into: &buffer, y: y, area: area, layout: layout, glyphs: glyphs)
        }
        let body = layout.body
        if rowCount == 0 {
            buffer.fill(body, paint: rowPaint)
            if body.height > 0 {
                buffer.write(
                    placeholder, x: body.x, y: body.y, width: body.width, alignment: .center,
                    paint: placeholderPaint, ellipsis: glyphs.ellipsis
                )
            }
        } else {
            for (i, row) in rows.enumerated() {
                drawRow(
                    row, index: layout.offset + i, y: body.y + i, into: &buffer, layout: layout,
                    glyphs: glyphs)
            }
            if rows.count < body.height {
                buffer.fill(body.inset(top: rows.count), paint: rowPaint)
            }
        }
        if let bar = layout.scrollbar {
            scrollbar.draw(
                into: &buffer, area: bar, total: rowCount, visible: body.height, offset: layout.offset,
                glyphs: glyphs
            )
            if let y = layout.headerY {
                buffer.fill(Rect(x: bar.x, y: y, width: 1, height: 1), paint: headerPaint)
            }
        }
        return layout
    }

    /// The layout in `area` and the rows in view, each fetched once.
    private func resolve(in area: Rect) -> (layout: TableLayout, rows: [TableRow]) {
        let headerY: Int? = showsHeader && area.height > 0 ? area.y : nil
        let bodyHeight = Self.bodyHeight(for: area, showsHeader: showsHeader)
        let settled = Self.scrollOffset(
            selection: selection, offset: offset, visibleRows: bodyHeight, rowCount: rowCount,
            margin: scrollMargin
        )
        let hasScrollbar = showsScrollbar && rowCount > bodyHeight && bodyHeight > 0 && area.width > 1
        let bodyWidth = area.width - (hasScrollbar ? 1 : 0)
        let body = Rect(x: area.x, y: area.y + (headerY == nil ? 0 : 1), width: bodyWidth, height: bodyHeight)
        let end = min(rowCount, settled + bodyHeight)
        let rows = settled < end ? (settled..<end).map(rowAt) : []
        let widths = Self.columnWidths(
            columns: columns, available: bodyWidth, spacing: columnSpacing,
            contentWidth: { index in contentWidth(ofColumn: index, rows: rows) }
        )
        var spans: [Range<Int>] = []
        spans.reserveCapacity(widths.count)
        var x = area.x
        for width in widths {
            spans.append(x..<(x + width))
            if width > 0 { x += width + columnSpacing }
        }
        let scrollbar =
            hasScrollbar ? Rect(x: area.x + bodyWidth, y: body.y, width: 1, height: bodyHeight) : nil
        let layout = TableLayout(
            headerY: headerY, body: body, offset: settled, rowCount: rowCount, columnSpans: spans,
            scrollbar: scrollbar
        )
        return (layout, rows)
    }

    /// The width a `.fit` column's header and content ask for.
    private func contentWidth(ofColumn index: Int, rows: [TableRow]) -> Int {
        let header =
            showsHeader ? TextFit.width(of: columns[index].title) + (sort?.column == index ? 1 : 0) : 0
        if let contentWidths, index < contentWidths.count { return max(header, contentWidths[index]) }
        var widest = header
        for row in rows where index < row.cells.count {
            widest = max(widest, TextFit.width(of: row.cells[index].text))
        }
        return widest
    }

    /// The widths of `columns` sharing `available` columns with `spacing` between them.
    ///
    /// Fixed columns get their width, fit columns their content width up to their
    /// maximum, flexible columns their minimum; spare width then goes to flexible
    /// columns by weight. When the columns do not fit, they keep their widths from the
    /// left and the first that overflows is cut; the rest get 0.
    public static func columnWidths(
        columns: [TableColumn], available: Int, spacing: Int, contentWidth: (Int) -> Int
    ) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var widths = columns.indices.map { index -> Int in
            switch columns[index].width {
            case .fixed(let n): max(0, n)
            case .flexible(let minimum, _): max(0, minimum)
            case .fit(let maximum): min(max(0, maximum), contentWidth(index))
            }
        }
        let gaps = max(0, spacing) * (columns.count - 1)
        let needed = widths.reduce(0, +) + gaps
        if needed <= available {
            var weights = columns.map { column -> Int in
                if case .flexible(_, let weight) = column.width { return max(0, weight) }
                return 0
            }
            var totalWeight = weights.reduce(0, +)
            if totalWeight == 0 {
                // Flexible columns all of weight 0 still share evenly rather than waste space.
                weights = columns.map { column -> Int in
                    if case .flexible = column.width { return 1 }
                    return 0
                }
                totalWeight = weights.reduce(0, +)
            }
            guard totalWeight > 0 else { return widths }
            let spare = available - needed
            var handed = 0
            for i in widths.indices where weights[i] > 0 {
                let share = spare * weights[i] / totalWeight
                widths[i] += share
                handed += share
            }
            var remainder = spare - handed
            for i in widths.indices where weights[i] > 0 && remainder > 0 {
                widths[i] += 1
                remainder -= 1
            }
            return widths
        }
        var left = max(0, available)
        for i in widths.indices {
            let granted = min(widths[i], left)
            widths[i] = granted
            left = max(0, left - granted - (granted > 0 ? max(0, spacing) : 0))
        }
        return widths
    }

    private func drawHeader(
        into buffer: inout ScreenBuffer, y: Int, area: Rect, layout: TableLayout, glyphs: Glyphs
    ) {
        var x = area.x
        for (index, span) in layout.columnSpans.enumerated() where !span.isEmpty {
            buffer.fill(Rect(x: x, y: y, width: span.lowerBound - x, height: 1), paint: headerPaint)
            let column = columns[index]
            var title = column.title
            if let sort, sort.column == index {
                let indicator = glyphs.sortIndicator(ascending: sort.ascending)
                let room = span.count - TextFit.width(of: indicator)
                title =
                    room > 0
                    ? TextFit.truncate(title, to: room, ellipsis: glyphs.ellipsis) + indicator : indicator
            }
            buffer.write(
                title, x: span.lowerBound, y: y, width: span.count, alignment: column.alignment,
                paint: headerPaint, ellipsis: glyphs.ellipsis
            )
            x = span.upperBound
        }
        buffer.fill(Rect(x: x, y: y, width: layout.body.maxX - x, height: 1), paint: headerPaint)
    }

    private func drawRow(
        _ row: TableRow, index: Int, y: Int, into buffer: inout ScreenBuffer, layout: TableLayout,
        glyphs: Glyphs
    ) {
        let selected = index == selection
        let rowPaint = selected ? selectionPaint : (row.paint ?? self.rowPaint)
        var x = layout.body.x
        for (column, span) in layout.columnSpans.enumerated() where !span.isEmpty {
            buffer.fill(Rect(x: x, y: y, width: span.lowerBound - x, height: 1), paint: rowPaint)
            let cell = column < row.cells.count ? row.cells[column] : nil
            let paint = selected ? selectionPaint : (cell?.paint ?? rowPaint)
            let spec = columns[column]
            buffer.write(
                cell?.text ?? "", x: span.lowerBound, y: y, width: span.count, alignment: spec.alignment,
                paint: paint, ellipsis: glyphs.ellipsis, truncation: spec.truncation
            )
            x = span.upperBound
        }
        buffer.fill(Rect(x: x, y: y, width: layout.body.maxX - x, height: 1), paint: rowPaint)
    }
}
