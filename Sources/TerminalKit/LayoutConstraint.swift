/// How much of a split a part asks for.
public enum LayoutConstraint: Sendable, Hashable {
    /// Exactly this many cells (less only when the space runs out).
    case fixed(Int)
    /// This percentage of the space being split.
    case percent(Int)
    /// `numerator / denominator` of the space being split.
    case ratio(Int, Int)
    /// At least this many cells, then a share of what is left like `fill(1)`.
    case min(Int)
    /// A share of what is left after the other parts, by weight.
    case fill(Int)

    /// `fill(1)`.
    public static let fill = LayoutConstraint.fill(1)
}
