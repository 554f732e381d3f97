/// A style together with the semantic role that produced it.
///
/// Widgets take paints rather than bare styles so every cell they draw keeps its role,
/// which screen tests compare (`alarm`, `table.header`) instead of raw colours.
public struct Paint: Sendable, Hashable {
    public var style: Style
    public var role: String?

    public init(_ style: Style = .plain, role: String? = nil) {
        self.style = style
        self.role = role
    }

    /// Plain text with no role.
    public static let plain = Paint()

    /// A blank cell in this paint.
    public var blankCell: Cell { Cell(" ", style: style, role: role) }

    /// The same role with `extra` attributes added to the style.
    public func with(attributes extra: TextAttributes) -> Paint {
        Paint(style.with(attributes: extra), role: role)
    }
}
