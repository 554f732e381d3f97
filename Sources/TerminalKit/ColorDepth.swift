/// How many colours the terminal can show; decides how a theme is mapped down.
public enum ColorDepth: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// `NO_COLOR`, `--no-color` or a terminal without colour: attributes only.
    case none = 0
    case eight = 8
    case sixteen = 16
    case full = 256

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// From the terminal's reported colour count.
    public init(colors: Int) {
        switch colors {
        case 256...: self = .full
        case 16...: self = .sixteen
        case 8...: self = .eight
        default: self = .none
        }
    }
}
