/// Drawing helpers that widgets share: paint-based writes, text fitted to a span,
/// single glyphs and lines.
extension ScreenBuffer {
    /// Writes `text` in `paint`; see `write(_:x:y:style:role:maxWidth:)`.
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, paint: Paint, maxWidth: Int? = nil
    ) -> Int {
        write(text, x: x, y: y, style: paint.style, role: paint.role, maxWidth: maxWidth)
    }

    /// Writes `text` into exactly `width` columns from (`x`, `y`): truncated with
    /// `ellipsis` when too wide, aligned and padded with blanks in `paint` when narrower.
    ///
    /// Text that fits is written straight into the cells, with no intermediate string.
    /// - Returns: the columns the text itself took (without padding).
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, width: Int, alignment: TextAlignment = .left,
        paint: Paint = .plain, ellipsis: String = "…", truncation: TruncationPosition = .end
    ) -> Int {
        guard width > 0, y >= 0, y < size.height else { return 0 }
        if alignment == .left, text.utf8.count <= width {
            let used = write(text, x: x, y: y, style: paint.style, role: paint.role, maxWidth: width)
            fill(Rect(x: x + used, y: y, width: width - used, height: 1), with: paint.blankCell)
            return used
        }
        let textWidth = TextFit.width(of: text)
        if textWidth <= width {
            return writeAligned(
                text, textWidth: textWidth, x: x, y: y, width: width, alignment: alignment, paint: paint)
        }
        let cut = TextFit.truncate(text, to: width, ellipsis: ellipsis, position: truncation)
        return writeAligned(
            cut, textWidth: TextFit.width(of: cut), x: x, y: y, width: width, alignment: alignment,
            paint: paint
        )
    }

    private mutating func writeAligned(
        _ text: some StringProtocol, textWidth: Int, x: Int, y: Int, width: Int, alignment: TextAlignment,
        paint: Paint
    ) -> Int {
        let gap = max(0, width - textWidth)
        let left: Int
        switch alignment {
        case .left: left = 0
        case .right: left = gap
        case .center: left = gap / 2
        }
        let blank = paint.blankCell
        fill(Rect(x: x, y: y, width: left, height: 1), with: blank)
        let used = write(
            text, x: x + left, y: y, style: paint.style, role: paint.role, maxWidth: width - left)
        fill(Rect(x: x + left + used, y: y, width: width - left - used, height: 1), with: blank)
        return used
    }

    /// Puts a one-column glyph (a border piece, a marker) at (`x`, `y`).
    public mutating func put(_ glyph: String, x: Int, y: Int, paint: Paint) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let base = y * size.width
        breakWideCharacter(at: base, column: x)
        self[x, y] = Cell(glyph, style: paint.style, role: paint.role)
        repairOrphan(at: base, column: x + 1)
    }

    /// Fills `rect` (clipped) with blanks in `paint`.
    public mutating func fill(_ rect: Rect, paint: Paint) {
        fill(rect, with: paint.blankCell)
    }

    /// Draws `length` copies of a one-column `glyph` to the right of (`x`, `y`).
    public mutating func horizontalLine(x: Int, y: Int, length: Int, glyph: String, paint: Paint) {
        fill(
            Rect(x: x, y: y, width: length, height: 1),
            with: Cell(glyph, style: paint.style, role: paint.role))
    }

    /// Draws `length` copies of a one-column `glyph` down from (`x`, `y`).
    public mutating func verticalLine(x: Int, y: Int, length: Int, glyph: String, paint: Paint) {
        fill(
            Rect(x: x, y: y, width: 1, height: length),
            with: Cell(glyph, style: paint.style, role: paint.role))
    }
}
