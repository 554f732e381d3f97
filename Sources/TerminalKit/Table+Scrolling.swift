/// Scroll-offset arithmetic, kept pure so panes and tests share it.
extension Table {
    /// The first row to show so `selection` is in view, moving from `offset` as little
    /// as possible (as k9s and vim scroll): unchanged while the selection is in view,
    /// otherwise just far enough that it sits `margin` rows inside the edge it crossed.
    /// The result never leaves blank rows at the bottom that rows could fill.
    public static func scrollOffset(
        selection: Int?, offset: Int, visibleRows: Int, rowCount: Int, margin: Int = 0
    ) -> Int {
        guard visibleRows > 0, rowCount > visibleRows else { return 0 }
        let maxOffset = rowCount - visibleRows
        var result = min(max(0, offset), maxOffset)
        guard let selection else { return result }
        let selected = min(max(0, selection), rowCount - 1)
        let margin = min(max(0, margin), (visibleRows - 1) / 2)
        if selected - margin < result {
            result = selected - margin
        } else if selected + margin >= result + visibleRows {
            result = selected + margin - visibleRows + 1
        }
        return min(max(0, result), maxOffset)
    }

    /// The selection after moving by `delta` rows (negative is up), clamped to the
    /// rows there are; nil when there are none.
    public static func moveSelection(_ selection: Int?, by delta: Int, rowCount: Int) -> Int? {
        guard rowCount > 0 else { return nil }
        let current = selection ?? (delta >= 0 ? -1 : rowCount)
        return min(max(0, current + delta), rowCount - 1)
    }
}
