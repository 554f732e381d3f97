import OpsDeckCore

/// One row of a pane's table, built once per snapshot.
public struct PaneRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var cells: [CellValue]
    /// The role of the whole row (nil: plain text).
    public var role: ThemeRole?
    /// Per-cell roles that override the row's.
    public var cellRoles: CellRoles
    /// Indentation for tree rows (Accounts).
    public var depth: Int
    /// Set on OU rows: the OU id, so the tree can collapse it.
    public var nodeId: String?
    /// The OU ids above this row, innermost last; hidden when any is collapsed.
    public var ancestors: [String]
    public var isProduction: Bool

    public init(
        id: String, cells: [CellValue], role: ThemeRole? = nil, cellRoles: CellRoles = [:],
        depth: Int = 0,
        nodeId: String? = nil, ancestors: [String] = [], isProduction: Bool = false
    ) {
        self.id = id
        self.cells = cells
        self.role = role
        self.cellRoles = cellRoles
        self.depth = depth
        self.nodeId = nodeId
        self.ancestors = ancestors
        self.isProduction = isProduction
    }
}
