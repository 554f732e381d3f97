/// A one-line bar: segments packed from the left, and segments packed against the
/// right edge, each in its own paint.
///
/// When both sides do not fit, the right side keeps up to half the width (more when
/// the left is short) and each side is cut with an ellipsis.
public struct StatusBar: Sendable, Hashable {
    /// A run of text in one paint.
    public struct Segment: Sendable, Hashable {
        public var text: String
        public var paint: Paint

        public init(_ text: String, paint: Paint = .plain) {
            self.text = text
            self.paint = paint
        }
    }

    public var left: [Segment]
    public var right: [Segment]
    /// The paint of the bar between and around the segments.
    public var paint: Paint

    public init(left: [Segment] = [], right: [Segment] = [], paint: Paint = .plain) {
        self.left = left
        self.right = right
        self.paint = paint
    }

    /// Draws the bar on the first row of `area`.
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) {
        guard area.width > 0, area.height > 0 else { return }
        let y = area.y
        buffer.fill(area.row(0), paint: paint)
        let leftWidth = left.reduce(0) { $0 + TextFit.width(of: $1.text) }
        let rightWidth = right.reduce(0) { $0 + TextFit.width(of: $1.text) }
        let width = area.width
        var rightRoom = rightWidth
        var leftRoom = leftWidth
        if leftWidth + rightWidth + (leftWidth > 0 && rightWidth > 0 ? 1 : 0) > width {
            rightRoom = min(rightWidth, max(width - leftWidth - (leftWidth > 0 ? 1 : 0), width / 2))
            leftRoom = max(0, width - rightRoom - (rightRoom > 0 ? 1 : 0))
        }
        Self.drawSegments(left, into: &buffer, x: area.x, y: y, room: leftRoom, glyphs: glyphs)
        Self.drawSegments(
            right, into: &buffer, x: area.maxX - rightRoom, y: y, room: rightRoom, glyphs: glyphs)
    }

    private static func drawSegments(
        _ segments: [Segment], into buffer: inout ScreenBuffer, x: Int, y: Int, room: Int, glyphs: Glyphs
    ) {
        var x = x
        var room = room
        for segment in segments where room > 0 {
            let width = TextFit.width(of: segment.text)
            let fitted =
                width <= room
                ? segment.text : TextFit.truncate(segment.text, to: room, ellipsis: glyphs.ellipsis)
            let used = buffer.write(fitted, x: x, y: y, paint: segment.paint, maxWidth: room)
            x += used
            room -= used
            if width > used { break }
        }
    }
}
