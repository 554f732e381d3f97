/// Drawing a text field: horizontal scrolling that keeps the cursor in view, masking
/// and a placeholder.
extension TextField {
    /// What a field `width` columns wide shows: the text from the first shown
    /// character, and the column the cursor is in (relative to the field).
    public func visible(width: Int, glyphs: Glyphs) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let shown: [String] = characters.map { isMasked ? glyphs.mask : String($0) }
        let widths = shown.map { TextFit.width(of: $0) }
        // The cursor needs a column of its own, after the character before it.
        var start = 0
        var used = widths[0..<cursor].reduce(0, +)
        while used + 1 > width && start < cursor {
            used -= widths[start]
            start += 1
        }
        var text = ""
        var total = 0
        for i in start..<shown.count {
            if total + widths[i] > width { break }
            text += shown[i]
            total += widths[i]
        }
        return (text, used)
    }

    /// Draws the field on the first row of `area`, the cursor as one cell in
    /// `cursorPaint` when `showsCursor`, and `placeholder` in `placeholderPaint` when
    /// empty.
    public func draw(
        into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs, paint: Paint = .plain,
        cursorPaint: Paint = Paint(Style(attributes: .reverse)), showsCursor: Bool = true,
        placeholder: String = "", placeholderPaint: Paint = .plain
    ) {
        guard area.width > 0, area.height > 0 else { return }
        let y = area.y
        buffer.fill(area.row(0), paint: paint)
        if isEmpty && !placeholder.isEmpty {
            let offset = showsCursor ? 1 : 0
            buffer.write(
                placeholder, x: area.x + offset, y: y, width: area.width - offset, paint: placeholderPaint,
                ellipsis: glyphs.ellipsis
            )
        }
        let view = visible(width: area.width, glyphs: glyphs)
        buffer.write(view.text, x: area.x, y: y, paint: paint, maxWidth: area.width)
        guard showsCursor, view.cursorColumn < area.width else { return }
        let x = area.x + view.cursorColumn
        var cell = buffer[x, y]
        if cell.isContinuation || cell.text.isEmpty { cell.text = " " }
        cell.style = cursorPaint.style
        cell.role = cursorPaint.role
        buffer[x, y] = cell
    }
}
