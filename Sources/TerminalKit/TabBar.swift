/// A row of tab titles with one active: ` 1 Accounts │ 2 Roles │ 3 Pipelines `.
public struct TabBar: Sendable, Hashable {
    public var titles: [String]
    public var active: Int
    /// Prefix each title with its number (1-based), matching the pane keys.
    public var numbered: Bool
    public var activePaint: Paint
    public var inactivePaint: Paint
    /// The separators and the rest of the row.
    public var paint: Paint

    public init(
        titles: [String], active: Int, numbered: Bool = true,
        activePaint: Paint = Paint(Style(attributes: .reverse)),
        inactivePaint: Paint = .plain, paint: Paint = .plain
    ) {
        self.titles = titles
        self.active = active
        self.numbered = numbered
        self.activePaint = activePaint
        self.inactivePaint = inactivePaint
        self.paint = paint
    }

    /// The text of tab `index` as drawn, padded with a space each side.
    public func label(_ index: Int) -> String {
        numbered ? " \(index + 1) \(titles[index]) " : " \(titles[index]) "
    }

    /// Draws the tabs on the first row of `area`. Tabs that do not fit are cut (the
    /// first one that overflows gets an ellipsis) or left out.
    /// - Returns: the screen columns of each tab, for mouse hit-testing; empty for tabs
    ///   left out.
    @discardableResult
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(titles.count)
        guard area.width > 0, area.height > 0 else { return titles.map { _ in area.x..<area.x } }
        buffer.fill(area.row(0), paint: paint)
        var x = area.x
        for index in titles.indices {
            if index > 0 && x < area.maxX {
                buffer.put(glyphs.tabSeparator, x: x, y: area.y, paint: paint)
                x += 1
            }
            let room = area.maxX - x
            guard room > 0 else {
                ranges.append(x..<x)
                continue
            }
            let text = TextFit.truncate(label(index), to: room, ellipsis: glyphs.ellipsis)
            let used = buffer.write(
                text, x: x, y: area.y, paint: index == active ? activePaint : inactivePaint)
            ranges.append(x..<(x + used))
            x += used
        }
        return ranges
    }

    /// The tab whose range (from `draw`) holds column `x`.
    public static func tabIndex(atColumn x: Int, ranges: [Range<Int>]) -> Int? {
        ranges.firstIndex { $0.contains(x) }
    }
}
