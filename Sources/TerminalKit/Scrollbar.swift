/// A one-column vertical scrollbar: a track with a thumb sized and placed by the
/// share of the content in view.
public struct Scrollbar: Sendable, Hashable {
    public var trackPaint: Paint
    public var thumbPaint: Paint

    public init(trackPaint: Paint = .plain, thumbPaint: Paint? = nil) {
        self.trackPaint = trackPaint
        self.thumbPaint = thumbPaint ?? trackPaint
    }

    /// The rows of a track `length` long the thumb covers, for `total` items of which
    /// `visible` are shown from `offset`. The thumb touches the bottom exactly when the
    /// last item is in view.
    public static func thumb(length: Int, total: Int, visible: Int, offset: Int) -> Range<Int> {
        guard length > 0 else { return 0..<0 }
        guard total > visible, visible > 0 else { return 0..<length }
        let size = min(length, max(1, length * visible / total))
        let maxOffset = total - visible
        let clamped = min(max(0, offset), maxOffset)
        let travel = length - size
        let start = (travel * clamped + maxOffset / 2) / maxOffset
        return start..<(start + size)
    }

    /// Draws the scrollbar down the first column of `area`.
    public func draw(
        into buffer: inout ScreenBuffer, area: Rect, total: Int, visible: Int, offset: Int, glyphs: Glyphs
    ) {
        guard area.width > 0, area.height > 0 else { return }
        let thumb = Self.thumb(length: area.height, total: total, visible: visible, offset: offset)
        for row in 0..<area.height {
            let onThumb = thumb.contains(row)
            buffer.put(
                onThumb ? glyphs.scrollThumb : glyphs.scrollTrack, x: area.x, y: area.y + row,
                paint: onThumb ? thumbPaint : trackPaint
            )
        }
    }
}
