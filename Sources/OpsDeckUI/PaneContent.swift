import OpsDeckCore

/// Everything a pane shows for one snapshot: its columns, all its rows (unfiltered,
/// in default order) and, for the Cost pane, the summary above the table.
public struct PaneContent: Sendable {
    public var columns: [PaneColumn]
    public var rows: [PaneRow] {
        didSet { lazySearch = LazySearchCorpus(rows: rows) }
    }
    /// Columns the default order sorts by, used when the user has not chosen one.
    public var defaultSortColumn: Int?
    public var defaultSortAscending: Bool
    /// Rows in tree order: sorting by a column flattens it.
    public var isTree: Bool
    /// Shown when there are no rows at all.
    public var emptyMessage: String
    /// What `/` searches: each row's text (time-relative cells left out), folded. Built on
    /// the first search, not with the rows: most snapshots are never searched, and the
    /// large demo's corpora are several megabytes.
    public var search: SearchCorpus { lazySearch.corpus }
    private var lazySearch: LazySearchCorpus

    public init(
        columns: [PaneColumn], rows: [PaneRow], defaultSortColumn: Int? = nil,
        defaultSortAscending: Bool = true,
        isTree: Bool = false, emptyMessage: String = "No data yet"
    ) {
        self.columns = columns
        self.rows = rows
        self.defaultSortColumn = defaultSortColumn
        self.defaultSortAscending = defaultSortAscending
        self.isTree = isTree
        self.emptyMessage = emptyMessage
        self.lazySearch = LazySearchCorpus(rows: rows)
    }

    public static let empty = PaneContent(columns: [], rows: [])
}
