/// Which part of text too wide for its span gives way to the ellipsis.
public enum TruncationPosition: Sendable, Hashable, CaseIterable {
    /// `account-na…`: keeps the start, the usual choice.
    case end
    /// `…-prod-eu`: keeps the end, for paths and names that differ at the tail.
    case start
    /// `arn:aws:…/admin`: keeps both ends, for ARNs and ids.
    case middle
}
