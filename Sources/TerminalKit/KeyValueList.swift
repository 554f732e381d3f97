/// Aligned `key: value` lines for detail views, with section headings and scrolling.
///
/// ```
/// Account:   prod-payments (123456789012)
/// OU:        Root/Workloads/Prod
/// Tags
/// owner:     payments-team
/// ```
public struct KeyValueList: Sendable, Hashable {
    /// One line of the list.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        /// Overrides the list's value paint for this value (a red state).
        public var valuePaint: Paint?
        /// A heading line: `key` alone, in the section paint.
        public var isSection: Bool

        public init(_ key: String, _ value: String, valuePaint: Paint? = nil) {
            self.key = key
            self.value = value
            self.valuePaint = valuePaint
            self.isSection = false
        }

        /// A heading that starts a group of entries.
        public static func section(_ title: String) -> Entry {
            var entry = Entry(title, "")
            entry.isSection = true
            return entry
        }
    }

    public var entries: [Entry]
    /// The first entry in view.
    public var offset: Int
    /// Columns for keys (the colon included); the widest key when nil, at most
    /// half the width.
    public var keyWidth: Int?
    public var keyPaint: Paint
    public var valuePaint: Paint
    public var sectionPaint: Paint
    public var showsScrollbar: Bool
    public var scrollbar: Scrollbar

    public init(
        entries: [Entry], offset: Int = 0, keyWidth: Int? = nil, keyPaint: Paint = .plain,
        valuePaint: Paint = .plain, sectionPaint: Paint? = nil, showsScrollbar: Bool = false
    ) {
        self.entries = entries
        self.offset = offset
        self.keyWidth = keyWidth
        self.keyPaint = keyPaint
        self.valuePaint = valuePaint
        self.sectionPaint = sectionPaint ?? keyPaint
        self.showsScrollbar = showsScrollbar
        self.scrollbar = Scrollbar()
    }

    /// The largest useful offset for `count` entries in `height` rows.
    public static func maxOffset(count: Int, height: Int) -> Int { max(0, count - max(0, height)) }

    /// Draws the entries from `offset` (clamped) into `area`.
    /// - Returns: the offset used.
    @discardableResult
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) -> Int {
        guard !area.isEmpty else { return 0 }
        let start = min(max(0, offset), Self.maxOffset(count: entries.count, height: area.height))
        let hasScrollbar = showsScrollbar && entries.count > area.height && area.width > 1
        let content = hasScrollbar ? area.inset(right: 1) : area
        buffer.fill(content, paint: valuePaint)
        let widest = entries.lazy.filter { !$0.isSection }.map { TextFit.width(of: $0.key) + 1 }.max() ?? 0
        let keyColumns = min(keyWidth ?? widest, content.width / 2)
        let end = min(entries.count, start + area.height)
        for (row, index) in (start..<end).enumerated() {
            let entry = entries[index]
            let y = content.y + row
            if entry.isSection {
                buffer.write(
                    entry.key, x: content.x, y: y, width: content.width, paint: sectionPaint,
                    ellipsis: glyphs.ellipsis)
                continue
            }
            buffer.write(
                entry.key + ":", x: content.x, y: y, width: keyColumns, paint: keyPaint,
                ellipsis: glyphs.ellipsis
            )
            let valueX = content.x + keyColumns + 1
            buffer.write(
                entry.value, x: valueX, y: y, width: content.maxX - valueX,
                paint: entry.valuePaint ?? valuePaint,
                ellipsis: glyphs.ellipsis
            )
        }
        if hasScrollbar {
            scrollbar.draw(
                into: &buffer, area: Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height),
                total: entries.count, visible: area.height, offset: start, glyphs: glyphs
            )
        }
        return start
    }
}
