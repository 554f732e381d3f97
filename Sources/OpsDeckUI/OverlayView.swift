import TerminalKit

/// A framed list over the panes: the help screen and detail views.
enum OverlayView {
    static func draw(
        into buffer: inout ScreenBuffer, area: Rect, title: String, lines: [(String, String)], offset: Int,
        state: AppState, glyphs: Glyphs, production: Bool = false
    ) {
        let frame = Frame(
            title: title, label: lines.count > area.height - 2 ? "\(offset + 1)/\(lines.count)" : nil,
            borderStyle: production ? .double : .heavy,
            borderPaint: state.paint(production ? .prodFrame : .borderFocused),
            titlePaint: state.paint(.titleFocused),
            labelPaint: state.paint(.muted), fill: state.paint(.dialog))
        let inner = frame.draw(into: &buffer, area: area, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let keyWidth = min(max(8, lines.map { TextFit.width(of: $0.0) }.max() ?? 8), max(8, inner.width / 3))
        var y = inner.y
        for (key, value) in lines.dropFirst(offset) {
            guard y < inner.maxY else { break }
            let heading = value.isEmpty && key == key.uppercased() && !key.isEmpty
            buffer.write(
                key, x: inner.x + 1, y: y, width: keyWidth, paint: state.paint(heading ? .title : .help),
                ellipsis: glyphs.ellipsis)
            let valueWidth = inner.width - keyWidth - 3
            if valueWidth > 0 {
                let role: ThemeRole = SparkText.isSparkline(value, ascii: state.ascii) ? .sparkline : .dialog
                let wrapped = TextFit.wrap(value, width: valueWidth)
                for (i, part) in wrapped.enumerated() {
                    guard y + i < inner.maxY else { break }
                    buffer.write(
                        part, x: inner.x + keyWidth + 3, y: y + i, width: valueWidth,
                        paint: state.paint(role))
                }
                y += max(1, wrapped.count)
            } else {
                y += 1
            }
        }
    }
}
