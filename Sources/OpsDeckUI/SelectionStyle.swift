/// How the selected row is drawn (`[ui] selection` in config.toml).
public enum SelectionStyle: String, Sendable, Hashable, CaseIterable {
    /// A marker glyph in a one-cell gutter and the row's first column in the selection
    /// colours. Moving it leaves the old row's cells as they were, so a one-row scroll costs
    /// about 300 B over SSH instead of about 460 (docs/decisions.md).
    case marker
    /// The full-width bar (the k9s look): every cell of the row in the selection colours.
    case bar
}
