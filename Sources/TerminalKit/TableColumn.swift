/// One column of a `Table`: its header title, how wide it is, and how its text sits.
public struct TableColumn: Sendable, Hashable {
    /// How a column's width is decided.
    public enum Width: Sendable, Hashable {
        /// Exactly this many columns.
        case fixed(Int)
        /// At least `min` columns, plus a share of the spare width by `weight`.
        case flexible(min: Int, weight: Int)
        /// As wide as the header and content need, at most `max` columns. Content is
        /// measured over the visible rows unless the table is given `contentWidths`.
        case fit(max: Int)
    }

    public var title: String
    public var width: Width
    public var alignment: TextAlignment
    /// Where too-long text is cut (ARNs read best cut in the middle).
    public var truncation: TruncationPosition

    public init(
        _ title: String, width: Width = .flexible(min: 4, weight: 1), alignment: TextAlignment = .left,
        truncation: TruncationPosition = .end
    ) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.truncation = truncation
    }
}
