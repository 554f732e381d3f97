/// Where text sits in a span wider than itself.
public enum TextAlignment: Sendable, Hashable, CaseIterable {
    case left
    case center
    case right
}
