/// One cell of a table row: its text and, optionally, a paint of its own.
public struct TableCell: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    /// Overrides the row's paint for this cell (a red status, a muted timestamp).
    public var paint: Paint?

    public init(_ text: String, paint: Paint? = nil) {
        self.text = text
        self.paint = paint
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// One row of a `Table`.
public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    /// The paint of the whole row; the table's `rowPaint` when nil.
    public var paint: Paint?

    public init(cells: [TableCell], paint: Paint? = nil) {
        self.cells = cells
        self.paint = paint
    }

    public init(_ texts: [String], paint: Paint? = nil) {
        self.init(cells: texts.map { TableCell($0) }, paint: paint)
    }
}

/// Which column a table is sorted by, shown as an arrow in its header.
public struct TableSort: Sendable, Hashable {
    public var column: Int
    public var ascending: Bool

    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}
