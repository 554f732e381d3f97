/// The characters widgets draw with. `.unicode` uses box drawing and block elements;
/// `.ascii` uses only printable ASCII, for `--ascii` and terminals without UTF-8.
///
/// Every glyph except `ellipsis` is one column wide, so swapping sets never moves text.
public struct Glyphs: Sendable, Hashable {
    /// The eleven pieces of a box border.
    public struct Border: Sendable, Hashable {
        public var horizontal: String
        public var vertical: String
        public var topLeft: String
        public var topRight: String
        public var bottomLeft: String
        public var bottomRight: String
        /// `├`: a vertical line with a branch to the right.
        public var teeRight: String
        /// `┤`: a vertical line with a branch to the left.
        public var teeLeft: String
        /// `┬`: a horizontal line with a branch down.
        public var teeDown: String
        /// `┴`: a horizontal line with a branch up.
        public var teeUp: String
        public var cross: String

        public init(
            horizontal: String, vertical: String, topLeft: String, topRight: String,
            bottomLeft: String, bottomRight: String, teeRight: String, teeLeft: String,
            teeDown: String, teeUp: String, cross: String
        ) {
            self.horizontal = horizontal
            self.vertical = vertical
            self.topLeft = topLeft
            self.topRight = topRight
            self.bottomLeft = bottomLeft
            self.bottomRight = bottomRight
            self.teeRight = teeRight
            self.teeLeft = teeLeft
            self.teeDown = teeDown
            self.teeUp = teeUp
            self.cross = cross
        }
    }

    /// True for the ASCII set; widgets that have no ASCII form (braille) fall back.
    public var isASCII: Bool
    public var light: Border
    public var heavy: Border
    public var double: Border
    public var rounded: Border
    /// Marks a collapsed tree node (`▸`, `>`).
    public var treeCollapsed: String
    /// Marks an expanded tree node (`▾`, `v`).
    public var treeExpanded: String
    /// Marks a tree leaf (`•`, `-`).
    public var treeLeaf: String
    public var sortAscending: String
    public var sortDescending: String
    /// Put where text was cut (`…`, `...`); may be wider than one column.
    public var ellipsis: String
    /// Sparkline levels from lowest to a full cell.
    public var sparkLevels: [String]
    /// Whether sparklines may use braille dots (two values per cell, four levels per row).
    public var supportsBraille: Bool
    public var scrollThumb: String
    public var scrollTrack: String
    /// Between tabs in a tab bar.
    public var tabSeparator: String
    /// Shown for each character of a masked text field.
    public var mask: String
    /// Marks a selected row for users who cannot see the selection colour.
    public var selectionMarker: String

    public init(
        isASCII: Bool, light: Border, heavy: Border, double: Border, rounded: Border,
        treeCollapsed: String, treeExpanded: String, treeLeaf: String,
        sortAscending: String, sortDescending: String, ellipsis: String,
        sparkLevels: [String], supportsBraille: Bool, scrollThumb: String, scrollTrack: String,
        tabSeparator: String, mask: String, selectionMarker: String
    ) {
        self.isASCII = isASCII
        self.light = light
        self.heavy = heavy
        self.double = double
        self.rounded = rounded
        self.treeCollapsed = treeCollapsed
        self.treeExpanded = treeExpanded
        self.treeLeaf = treeLeaf
        self.sortAscending = sortAscending
        self.sortDescending = sortDescending
        self.ellipsis = ellipsis
        self.sparkLevels = sparkLevels.isEmpty ? ["#"] : sparkLevels
        self.supportsBraille = supportsBraille
        self.scrollThumb = scrollThumb
        self.scrollTrack = scrollTrack
        self.tabSeparator = tabSeparator
        self.mask = mask
        self.selectionMarker = selectionMarker
    }

    /// The border pieces for `style`.
    public func border(_ style: BorderStyle) -> Border {
        switch style {
        case .light: light
        case .heavy: heavy
        case .double: double
        case .rounded: rounded
        }
    }

    /// The sort indicator for a column sorted ascending or descending.
    public func sortIndicator(ascending: Bool) -> String { ascending ? sortAscending : sortDescending }

    /// The indentation and node marker that starts a tree row: two columns per level,
    /// then the marker (`isExpanded` nil for a leaf) and a space.
    public func treePrefix(depth: Int, isExpanded: Bool?) -> String {
        let marker: String
        switch isExpanded {
        case .some(true): marker = treeExpanded
        case .some(false): marker = treeCollapsed
        case .none: marker = treeLeaf
        }
        return String(repeating: " ", count: max(0, depth) * 2) + marker + " "
    }

    /// Box drawing, block elements and braille.
    public static let unicode = Glyphs(
        isASCII: false,
        light: Border(
            horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
            bottomRight: "┘", teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", cross: "┼"
        ),
        heavy: Border(
            horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗",
            bottomRight: "┛", teeRight: "┣", teeLeft: "┫", teeDown: "┳", teeUp: "┻", cross: "╋"
        ),
        double: Border(
            horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚",
            bottomRight: "╝", teeRight: "╠", teeLeft: "╣", teeDown: "╦", teeUp: "╩", cross: "╬"
        ),
        rounded: Border(
            horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
            bottomRight: "╯", teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", cross: "┼"
        ),
        treeCollapsed: "▸", treeExpanded: "▾", treeLeaf: "•",
        sortAscending: "▲", sortDescending: "▼", ellipsis: "…",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], supportsBraille: true,
        scrollThumb: "█", scrollTrack: "│", tabSeparator: "│", mask: "•", selectionMarker: "▶"
    )

    /// Printable ASCII only. Heavy borders use `=`, double borders `#`, so a focused or
    /// production frame still stands out.
    public static let ascii = Glyphs(
        isASCII: true,
        light: Border(
            horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
            bottomRight: "+", teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+"
        ),
        heavy: Border(
            horizontal: "=", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
            bottomRight: "+", teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+"
        ),
        double: Border(
            horizontal: "=", vertical: "#", topLeft: "#", topRight: "#", bottomLeft: "#",
            bottomRight: "#", teeRight: "#", teeLeft: "#", teeDown: "#", teeUp: "#", cross: "#"
        ),
        rounded: Border(
            horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
            bottomRight: "+", teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+"
        ),
        treeCollapsed: ">", treeExpanded: "v", treeLeaf: "-",
        sortAscending: "^", sortDescending: "v", ellipsis: "...",
        sparkLevels: ["_", ".", "-", "=", "#"], supportsBraille: false,
        scrollThumb: "#", scrollTrack: "|", tabSeparator: "|", mask: "*", selectionMarker: ">"
    )
}
