/// Fits a pane's columns into a width: low-priority columns go first when it is
/// narrow, flexible columns shrink to a minimum before anything essential is lost,
/// and take what is left when it is wide.
public enum ColumnLayout {
    public struct Slot: Sendable, Hashable {
        public var column: Int
        public var x: Int
        public var width: Int
    }

    /// The narrowest a flexible column gets before columns are dropped.
    static let flexibleMinimum = 10

    /// - Returns: the columns to show with their offsets from the left, one space apart.
    public static func slots(for columns: [PaneColumn], width: Int) -> [Slot] {
        guard width > 0, !columns.isEmpty else { return [] }
        func minimum(_ i: Int) -> Int {
            columns[i].flexible ? min(columns[i].width, flexibleMinimum) : columns[i].width
        }
        var shown = Array(columns.indices)
        func needed() -> Int { shown.reduce(0) { $0 + minimum($1) } + max(0, shown.count - 1) }
        // Optional columns first, least important (then rightmost) first.
        while needed() > width,
            let drop = shown.filter({ columns[$0].priority > 0 }).max(by: { a, b in
                columns[a].priority == columns[b].priority ? a < b : columns[a].priority < columns[b].priority
            })
        {
            shown.removeAll { $0 == drop }
        }
        // Still too wide: essential columns from the right, keeping the first.
        while needed() > width, shown.count > 1 { shown.removeLast() }

        var widths = shown.map(minimum)
        var spare = width - needed()
        let flexible = shown.indices.filter { columns[shown[$0]].flexible }
        // Fixed columns first get back what they lost to nothing; flexible ones share the rest.
        if !flexible.isEmpty, spare > 0 {
            let each = spare / flexible.count
            for (n, i) in flexible.enumerated() {
                widths[i] += n == flexible.count - 1 ? spare - each * (flexible.count - 1) : each
            }
            spare = 0
        }
        var x = 0
        var slots: [Slot] = []
        for (i, column) in shown.enumerated() {
            let w = min(widths[i], width - x)
            guard w > 0 else { break }
            slots.append(Slot(column: column, x: x, width: w))
            x += w + 1
        }
        return slots
    }
}
