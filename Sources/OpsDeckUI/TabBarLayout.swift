/// The tab bar shown when only one pane fits: ` 1 Accounts  2 Roles ...`.
public enum TabBarLayout {
    /// Each tab's label and its column range.
    public static var tabs: [(pane: PaneID, label: String, range: Range<Int>)] {
        var x = 0
        return PaneID.allCases.map { pane in
            let label = " \(pane.rawValue + 1) \(pane.title) "
            defer { x += label.count + 1 }
            return (pane, label, x..<(x + label.count))
        }
    }

    public static func pane(at column: Int) -> PaneID? {
        tabs.first { $0.range.contains(column) }?.pane
    }
}
