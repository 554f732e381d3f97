/// A grid of cells that widgets draw into and a `Terminal` presents.
///
/// Drawing clips to the buffer; wide characters take two cells, the second a
/// continuation, and a wide character that would straddle the clip edge is replaced
/// by a space so columns never shift.
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: fill, count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Fills `rect` (clipped) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = max(0, rect.x)
        let x1 = min(size.width, rect.maxX)
        let y0 = max(0, rect.y)
        let y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            let base = y * size.width
            breakWideCharacter(at: base, column: x0)
            for x in x0..<x1 { cells[base + x] = cell }
            repairOrphan(at: base, column: x1)
        }
    }

    /// Applies `style` (and `role`) to the cells of `rect`, keeping their text.
    public mutating func restyle(_ rect: Rect, style: Style, role: String? = nil) {
        let x0 = max(0, rect.x)
        let x1 = min(size.width, rect.maxX)
        let y0 = max(0, rect.y)
        let y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            let base = y * size.width
            for x in x0..<x1 {
                cells[base + x].style = style
                cells[base + x].role = role
            }
        }
    }

    /// Writes `text` starting at (`x`, `y`), at most `maxWidth` columns (to the right
    /// edge when nil). Control characters become `?`.
    ///
    /// A wide character cut by the left edge, the right edge or `maxWidth` leaves spaces
    /// in the columns it would have taken; a wide character partly overwritten loses
    /// its other half to a space, so nothing on the row ever shifts.
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, role: String? = nil,
        maxWidth: Int? = nil
    ) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let limit = min(size.width, maxWidth.map { x + max(0, $0) } ?? size.width)
        guard x < limit, !text.isEmpty else { return 0 }
        let base = y * size.width
        breakWideCharacter(at: base, column: x)
        var col = x
        if Self.isPrintableASCII(text) {
            // The hot path: table cells and labels are nearly always plain ASCII, and
            // one-byte strings are stored inline, so this allocates nothing.
            for byte in text.utf8 {
                guard col < limit else { break }
                if col >= 0 { cells[base + col] = Cell(Self.asciiText[Int(byte)], style: style, role: role) }
                col += 1
            }
        } else {
            col = writeGraphemes(text, from: x, base: base, limit: limit, style: style, role: role)
        }
        repairOrphan(at: base, column: col)
        return max(0, col - x)
    }

    private mutating func writeGraphemes(
        _ text: some StringProtocol, from x: Int, base: Int, limit: Int, style: Style, role: String?
    ) -> Int {
        var col = x
        for ch in text {
            guard col < limit else { break }
            var w = DisplayWidth.of(ch)
            var glyph = String(ch)
            if w == 0 {
                if ch.isASCII || ch.unicodeScalars.first?.properties.generalCategory == .control {
                    glyph = "?"
                    w = 1
                } else {
                    continue
                }
            }
            if col + w > limit || col < 0 {
                // Cut by an edge: blank the visible columns it would have covered.
                let end = min(col + w, limit)
                for c in max(0, col)..<max(max(0, col), end) {
                    cells[base + c] = Cell(" ", style: style, role: role)
                }
                col = end
                if end == limit { break }
                continue
            }
            cells[base + col] = Cell(glyph, style: style, role: role)
            if w == 2 { cells[base + col + 1] = Cell("", style: style, role: role) }
            col += w
        }
        return col
    }

    /// Before writing from `column`: a wide character whose right half is there would
    /// lose that half, so it becomes a space.
    @inline(__always)
    mutating func breakWideCharacter(at base: Int, column: Int) {
        guard column > 0, column < size.width, cells[base + column].isContinuation else { return }
        cells[base + column - 1].text = " "
    }

    /// After writing up to `column`: a continuation left there has lost its wide
    /// character, so it becomes a space.
    @inline(__always)
    mutating func repairOrphan(at base: Int, column: Int) {
        guard column > 0, column < size.width, cells[base + column].isContinuation else { return }
        cells[base + column].text = " "
    }

    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// One-character strings for every ASCII byte, so the fast path builds no strings.
    static let asciiText: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// The visible text of row `y`, continuation cells skipped.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var out = ""
        let base = y * size.width
        for x in 0..<size.width { out += cells[base + x].text }
        return out
    }

    /// The whole buffer as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<size.height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The rows whose cells differ from `previous` (all rows when the sizes differ).
    public func changedRows(since previous: ScreenBuffer?) -> [Int] {
        guard let previous, previous.size == size else { return Array(0..<size.height) }
        var rows: [Int] = []
        let w = size.width
        for y in 0..<size.height {
            let start = y * w
            if cells[start..<(start + w)] != previous.cells[start..<(start + w)] { rows.append(y) }
        }
        return rows
    }

    /// The runs of changed cells in row `y` against `previous`, as column ranges.
    public func changedRuns(inRow y: Int, since previous: ScreenBuffer) -> [Range<Int>] {
        guard previous.size == size else { return [0..<size.width] }
        var runs: [Range<Int>] = []
        let base = y * size.width
        var x = 0
        while x < size.width {
            if cells[base + x] != previous.cells[base + x] {
                let start = x
                while x < size.width && cells[base + x] != previous.cells[base + x] { x += 1 }
                runs.append(start..<x)
            } else {
                x += 1
            }
        }
        return runs
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex {
            let prev = index(before: end)
            if self[prev] != " " { break }
            end = prev
        }
        return String(self[..<end])
    }
}
