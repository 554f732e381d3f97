/// Fits a pane's columns into a width: low-priority columns go first when it is
/// narrow, flexible columns share what is left when it is wide.
public enum ColumnLayout {
    public struct Slot: Sendable, Hashable {
        public var column: Int
        public var x: Int
        public var width: Int
    }

    /// - Returns: the columns to show with their offsets from the left, one space apart.
    public static func slots(for columns: [PaneColumn], width: Int) -> [Slot] {
        guard width > 0, !columns.isEmpty else { return [] }
        var shown = Array(columns.indices)
        func needed() -> Int { shown.reduce(0) { $0 + columns[$1].width } + max(0, shown.count - 1) }
        while needed() > width, shown.count > 1 {
            // Drop the least important column; among equals, the rightmost.
            guard let drop = shown.max(by: { a, b in
                columns[a].priority == columns[b].priority ? a < b : columns[a].priority < columns[b].priority
            }), columns[drop].priority > 0 || shown.allSatisfy({ columns[$0].priority == 0 }) else { break }
            if columns[drop].priority == 0 && shown.count <= 2 { break }
            shown.removeAll { $0 == drop }
        }
        var widths = shown.map { columns[$0].width }
        var spare = width - needed()
        let flexible = shown.indices.filter { columns[shown[$0]].flexible }
        if spare > 0, !flexible.isEmpty {
            let each = spare / flexible.count
            for (n, i) in flexible.enumerated() {
                let extra = n == flexible.count - 1 ? spare - each * (flexible.count - 1) : each
                widths[i] += extra
            }
            spare = 0
        } else if spare < 0 {
            // Still too wide with the essentials: shrink the flexible (else the last) columns.
            let targets = flexible.isEmpty ? [shown.count - 1] : flexible.reversed()
            for i in targets where spare < 0 {
                let cut = min(widths[i] - 3, -spare)
                if cut > 0 {
                    widths[i] -= cut
                    spare += cut
                }
            }
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
