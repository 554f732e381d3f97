import OpsDeckCore

/// One pane's table state: its content, the rows shown (after collapse, filter and
/// sort), the selection, scroll position, sort and filter.
public struct PaneState: Sendable {
    public private(set) var content: PaneContent = .empty
    /// Indices into `content.rows`, in display order.
    public private(set) var visible: [Int] = []
    /// Index into `visible`.
    public private(set) var selected = 0
    /// First visible row on screen; kept by the renderer's viewport maths.
    public var offset = 0
    public private(set) var sortColumn: Int?
    public private(set) var sortAscending = true
    public private(set) var filter: TextFilter?
    public private(set) var collapsed: Set<String> = []
    /// All row indices in sort order; rebuilt only when content or sort changes so a
    /// keystroke in the filter costs one pass, not a sort.
    private var order: [Int] = []
    /// The results of each refinement of the query being typed: typing a letter filters
    /// the last result, Backspace pops back to an earlier one for free.
    private var filterTrail: [(filter: TextFilter, visible: [Int])] = []

    public init() {}

    public var selectedRow: PaneRow? {
        guard selected >= 0, selected < visible.count else { return nil }
        return content.rows[visible[selected]]
    }

    /// The sort column in effect: the user's choice or the pane's default.
    public var effectiveSortColumn: Int? { sortColumn ?? content.defaultSortColumn }

    public var isFlattened: Bool { sortColumn != nil || !(filter?.isEmpty ?? true) }

    /// Replaces the content (a new snapshot), keeping the selection on the same row id.
    public mutating func setContent(_ newContent: PaneContent) {
        let selectedId = selectedRow?.id
        content = newContent
        rebuildOrder()
        applyFilter()
        reselect(selectedId)
    }

    public mutating func setFilter(_ query: String) {
        let selectedId = selectedRow?.id
        let next = TextFilter(query: query)
        filter = next.isEmpty ? nil : next
        applyFilter()
        reselect(selectedId)
    }

    /// Sorts by `column`; choosing the current column again flips the direction.
    public mutating func sort(by column: Int?, ascending: Bool? = nil) {
        let selectedId = selectedRow?.id
        if let column, column == sortColumn, ascending == nil {
            sortAscending.toggle()
        } else {
            sortColumn = column
            sortAscending = ascending ?? true
        }
        rebuildOrder()
        applyFilter()
        reselect(selectedId)
    }

    public mutating func reverseSort() {
        let column = effectiveSortColumn ?? 0
        if sortColumn == nil {
            sort(by: column, ascending: !(content.defaultSortAscending))
        } else {
            sort(by: column)
        }
    }

    /// Collapses or expands the OU on the selected row (tree panes only).
    public mutating func toggleNode() {
        guard content.isTree, !isFlattened, let nodeId = selectedRow?.nodeId else { return }
        let selectedId = selectedRow?.id
        if collapsed.contains(nodeId) { collapsed.remove(nodeId) } else { collapsed.insert(nodeId) }
        applyFilter()
        reselect(selectedId)
    }

    public mutating func select(_ index: Int) {
        selected = visible.isEmpty ? 0 : min(max(0, index), visible.count - 1)
    }

    public mutating func move(by delta: Int) { select(selected + delta) }

    /// Keeps the selection inside a viewport of `height` rows with as little scrolling as possible.
    public mutating func scrollToSelection(height: Int) {
        guard height > 0 else { return }
        let maxOffset = max(0, visible.count - height)
        if selected < offset { offset = selected }
        if selected >= offset + height { offset = selected - height + 1 }
        offset = min(max(0, offset), maxOffset)
    }

    private mutating func rebuildOrder() {
        filterTrail.removeAll()
        order = Array(content.rows.indices)
        guard let column = effectiveSortColumn, column < content.columns.count else { return }
        let ascending = sortColumn == nil ? content.defaultSortAscending : sortAscending
        let keys = content.rows.map { column < $0.cells.count ? $0.cells[column].sortKey : .text("") }
        order.sort { a, b in
            let ka = keys[a]
            let kb = keys[b]
            if ka == kb { return a < b }
            return ascending ? ka < kb : kb < ka
        }
    }

    private mutating func applyFilter() {
        let rows = content.rows
        if let filter {
            while let top = filterTrail.last, !(top.filter == filter || filter.narrows(top.filter)) {
                filterTrail.removeLast()
            }
            if let top = filterTrail.last, top.filter == filter {
                visible = top.visible
                return
            }
            let search = content.search
            if let top = filterTrail.last {
                visible = top.visible.filter { search.matches(filter, row: $0) }
            } else {
                let mask = search.mask(for: filter)
                visible = order.filter { mask[$0] }
            }
            if filterTrail.count < 64 { filterTrail.append((filter, visible)) }
        } else if content.isTree, sortColumn == nil, !collapsed.isEmpty {
            visible = order.filter { index in !rows[index].ancestors.contains(where: collapsed.contains) }
        } else {
            visible = order
        }
    }

    private mutating func reselect(_ id: String?) {
        guard let id, let index = visible.firstIndex(where: { content.rows[$0].id == id }) else {
            select(min(selected, max(0, visible.count - 1)))
            return
        }
        selected = index
    }
}
