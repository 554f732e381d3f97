/// A box border with a title on the left of the top edge and an optional label on
/// the right (`┌─ Accounts ──── as of 4m ─┐`).
///
/// When the top edge is too short for both, the title is truncated first; the label
/// is dropped only when the title would get fewer than a few columns.
public struct Frame: Sendable, Hashable {
    public var title: String?
    /// Right-aligned on the top edge, e.g. how old the pane's data is.
    public var label: String?
    public var borderStyle: BorderStyle
    public var borderPaint: Paint
    public var titlePaint: Paint
    public var labelPaint: Paint
    /// When set, the interior is cleared to this paint.
    public var fill: Paint?

    public init(
        title: String? = nil, label: String? = nil, borderStyle: BorderStyle = .light,
        borderPaint: Paint = .plain, titlePaint: Paint? = nil, labelPaint: Paint? = nil, fill: Paint? = nil
    ) {
        self.title = title
        self.label = label
        self.borderStyle = borderStyle
        self.borderPaint = borderPaint
        self.titlePaint = titlePaint ?? borderPaint
        self.labelPaint = labelPaint ?? borderPaint
        self.fill = fill
    }

    /// The area inside a border drawn around `area`.
    public static func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the frame around the edge of `area`.
    /// - Returns: the inner area, empty when `area` is too small for a border.
    @discardableResult
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) -> Rect {
        guard area.width >= 2, area.height >= 2 else {
            return Rect(x: area.x, y: area.y, width: 0, height: 0)
        }
        let border = glyphs.border(borderStyle)
        let inner = Self.inner(of: area)
        if let fill { buffer.fill(inner, paint: fill) }
        buffer.put(border.topLeft, x: area.x, y: area.y, paint: borderPaint)
        buffer.put(border.topRight, x: area.maxX - 1, y: area.y, paint: borderPaint)
        buffer.put(border.bottomLeft, x: area.x, y: area.maxY - 1, paint: borderPaint)
        buffer.put(border.bottomRight, x: area.maxX - 1, y: area.maxY - 1, paint: borderPaint)
        buffer.horizontalLine(
            x: area.x + 1, y: area.y, length: area.width - 2, glyph: border.horizontal, paint: borderPaint)
        buffer.horizontalLine(
            x: area.x + 1, y: area.maxY - 1, length: area.width - 2, glyph: border.horizontal,
            paint: borderPaint
        )
        buffer.verticalLine(
            x: area.x, y: area.y + 1, length: area.height - 2, glyph: border.vertical, paint: borderPaint)
        buffer.verticalLine(
            x: area.maxX - 1, y: area.y + 1, length: area.height - 2, glyph: border.vertical,
            paint: borderPaint
        )
        drawTopLabels(into: &buffer, area: area, glyphs: glyphs)
        return inner
    }

    /// The title and label placed on the top edge: x positions and the text fitted.
    func topLabels(width: Int, ellipsis: String) -> (
        title: (x: Int, text: String)?, label: (x: Int, text: String)?
    ) {
        // One border column and one line column stay on each side: `┌─ T ─ L ─┐`.
        let room = width - 4
        let title = self.title.flatMap { $0.isEmpty ? nil : $0 }
        let label = self.label.flatMap { $0.isEmpty ? nil : $0 }
        let titleWidth = title.map { TextFit.width(of: $0) + 2 } ?? 0
        var labelWidth = label.map { TextFit.width(of: $0) + 2 } ?? 0
        let minimumTitle = min(titleWidth, 6)
        if labelWidth > 0, minimumTitle + (minimumTitle > 0 ? 1 : 0) + labelWidth > room { labelWidth = 0 }
        guard room > 2 else { return (nil, nil) }
        var placedLabel: (x: Int, text: String)?
        if labelWidth > 0, let label {
            placedLabel = (width - 2 - labelWidth, " " + label + " ")
        }
        var placedTitle: (x: Int, text: String)?
        if let title {
            let titleRoom = room - (labelWidth > 0 ? labelWidth + 1 : 0) - 2
            if titleRoom > 0 {
                placedTitle = (2, " " + TextFit.truncate(title, to: titleRoom, ellipsis: ellipsis) + " ")
            }
        }
        return (placedTitle, placedLabel)
    }

    private func drawTopLabels(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) {
        let placed = topLabels(width: area.width, ellipsis: glyphs.ellipsis)
        if let title = placed.title {
            buffer.write(title.text, x: area.x + title.x, y: area.y, paint: titlePaint)
        }
        if let label = placed.label {
            buffer.write(label.text, x: area.x + label.x, y: area.y, paint: labelPaint)
        }
    }
}
