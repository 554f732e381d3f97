/// Per-cell role overrides for a row, packed into one word: a dictionary per row cost
/// more memory than the row's text on a 20,000-row pane. Columns 0 to 7 can carry one.
public struct CellRoles: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var packed: UInt64 = 0
    static let roles = ThemeRole.allCases
    static let indices: [ThemeRole: UInt64] = Dictionary(
        uniqueKeysWithValues: ThemeRole.allCases.enumerated().map { ($1, UInt64($0 + 1)) })
    public static let columns = 8

    public init() {}

    public init(dictionaryLiteral elements: (Int, ThemeRole)...) {
        for (column, role) in elements { self[column] = role }
    }

    /// The role of `column`, if it overrides the row's.
    public subscript(column: Int) -> ThemeRole? {
        get {
            guard column >= 0, column < Self.columns else { return nil }
            let index = (packed >> UInt64(column * 8)) & 0xFF
            return index == 0 ? nil : Self.roles[Int(index) - 1]
        }
        set {
            guard column >= 0, column < Self.columns else { return }
            let shift = UInt64(column * 8)
            packed &= ~(0xFF << shift)
            if let newValue, let index = Self.indices[newValue] { packed |= index << shift }
        }
    }

    public var isEmpty: Bool { packed == 0 }
}
