/// A centred box over whatever is below: a title, body text (word-wrapped), an
/// optional text field line and a hint line (`Enter confirm · Esc cancel`).
///
/// On a small screen it shrinks to fit: blank separator lines go first, then body
/// lines from the end, then the hint; the field and the first body line stay longest.
public struct Dialog: Sendable, Hashable {
    public var title: String
    public var body: [String]
    /// The input line, when the dialog asks for text (an MFA code, a confirmation).
    public var field: TextField?
    /// Written before the field, e.g. `MFA code: `.
    public var fieldLabel: String
    public var fieldPlaceholder: String
    public var hint: String?
    /// Outer width limits, border included.
    public var minWidth: Int
    public var maxWidth: Int
    public var borderStyle: BorderStyle
    public var borderPaint: Paint
    public var titlePaint: Paint
    public var textPaint: Paint
    public var fieldPaint: Paint
    public var cursorPaint: Paint
    public var hintPaint: Paint

    public init(
        title: String, body: [String] = [], field: TextField? = nil, fieldLabel: String = "",
        fieldPlaceholder: String = "", hint: String? = nil, minWidth: Int = 30, maxWidth: Int = 64,
        borderStyle: BorderStyle = .light, borderPaint: Paint = .plain, titlePaint: Paint? = nil,
        textPaint: Paint? = nil, fieldPaint: Paint? = nil,
        cursorPaint: Paint = Paint(Style(attributes: .reverse)),
        hintPaint: Paint? = nil
    ) {
        self.title = title
        self.body = body
        self.field = field
        self.fieldLabel = fieldLabel
        self.fieldPlaceholder = fieldPlaceholder
        self.hint = hint
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.borderStyle = borderStyle
        self.borderPaint = borderPaint
        self.titlePaint = titlePaint ?? borderPaint
        self.textPaint = textPaint ?? borderPaint
        self.fieldPaint = fieldPaint ?? textPaint ?? borderPaint
        self.cursorPaint = cursorPaint
        self.hintPaint = hintPaint ?? textPaint ?? borderPaint
    }

    private enum Line: Hashable {
        case text(String)
        case blank
        case field
        case hint(String)
    }

    /// Columns of text inside the border and the one-column padding on each side.
    private func contentWidth(in area: Rect) -> Int {
        var natural = TextFit.width(of: title) + 2
        for line in body { natural = max(natural, TextFit.width(of: line)) }
        if let hint { natural = max(natural, TextFit.width(of: hint)) }
        if let field {
            natural = max(natural, TextFit.width(of: fieldLabel) + max(20, TextFit.width(of: field.text) + 1))
        }
        let bounded = min(max(natural, minWidth - 4), maxWidth - 4)
        return max(0, min(bounded, area.width - 4))
    }

    /// The lines to draw, in order, cut to `room` by dropping the least important.
    private func lines(width: Int, room: Int) -> [Line] {
        var lines: [(line: Line, priority: Int)] = []
        var bodyIndex = 0
        for paragraph in body {
            for line in TextFit.wrap(paragraph, width: max(1, width)) {
                lines.append((.text(line), bodyIndex == 0 ? 1 : 3 + bodyIndex))
                bodyIndex += 1
            }
        }
        if field != nil {
            if !lines.isEmpty { lines.append((.blank, 1_000_000)) }
            lines.append((.field, 0))
        }
        if let hint {
            if !lines.isEmpty { lines.append((.blank, 1_000_000)) }
            lines.append((.hint(hint), 2))
        }
        while lines.count > max(0, room) {
            guard let worst = lines.indices.max(by: { lines[$0].priority < lines[$1].priority }) else {
                break
            }
            // Of equal priorities (the blanks) drop the last one first.
            let last = lines.lastIndex { $0.priority == lines[worst].priority } ?? worst
            lines.remove(at: last)
        }
        return lines.map(\.line)
    }

    /// Where the dialog goes in `area`.
    public func frame(in area: Rect) -> Rect {
        let width = contentWidth(in: area)
        let lines = self.lines(width: width, room: area.height - 2)
        return area.centered(width: width + 4, height: lines.count + 2)
    }

    /// Draws the dialog centred in `area`.
    /// - Returns: the dialog's outer rectangle and the field's row (nil without one, or
    ///   when it did not fit).
    @discardableResult
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) -> (
        frame: Rect, field: Rect?
    ) {
        let width = contentWidth(in: area)
        let lines = self.lines(width: width, room: area.height - 2)
        let outer = area.centered(width: width + 4, height: lines.count + 2)
        let chrome = Frame(
            title: title, borderStyle: borderStyle, borderPaint: borderPaint, titlePaint: titlePaint,
            fill: textPaint
        )
        let inner = chrome.draw(into: &buffer, area: outer, glyphs: glyphs)
        guard !inner.isEmpty else { return (outer, nil) }
        let x = inner.x + 1
        let textWidth = inner.width - 2
        var fieldRect: Rect?
        for (i, line) in lines.enumerated() {
            let y = inner.y + i
            switch line {
            case .text(let text):
                buffer.write(text, x: x, y: y, width: textWidth, paint: textPaint, ellipsis: glyphs.ellipsis)
            case .blank:
                break
            case .hint(let hint):
                buffer.write(
                    hint, x: x, y: y, width: textWidth, alignment: .center, paint: hintPaint,
                    ellipsis: glyphs.ellipsis
                )
            case .field:
                let labelWidth = buffer.write(fieldLabel, x: x, y: y, paint: textPaint, maxWidth: textWidth)
                let rect = Rect(x: x + labelWidth, y: y, width: textWidth - labelWidth, height: 1)
                field?.draw(
                    into: &buffer, area: rect, glyphs: glyphs, paint: fieldPaint, cursorPaint: cursorPaint,
                    placeholder: fieldPlaceholder, placeholderPaint: hintPaint
                )
                fieldRect = rect
            }
        }
        return (outer, fieldRect)
    }
}
