/// The line style of a frame: light for ordinary panes, heavy for the focused pane,
/// double for frames that must stand out (production accounts).
public enum BorderStyle: Sendable, Hashable, CaseIterable {
    case light
    case heavy
    case double
    case rounded
}
