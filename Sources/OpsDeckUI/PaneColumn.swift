/// A column of a pane's table.
public struct PaneColumn: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable {
        case left
        case right
    }

    public var title: String
    /// Preferred width in cells; flexible columns share what is left.
    public var width: Int
    public var flexible: Bool
    public var alignment: Alignment
    /// Columns dropped first on narrow screens have higher numbers.
    public var priority: Int

    public init(
        _ title: String, width: Int, flexible: Bool = false, alignment: Alignment = .left, priority: Int = 0
    ) {
        self.title = title
        self.width = width
        self.flexible = flexible
        self.alignment = alignment
        self.priority = priority
    }
}
