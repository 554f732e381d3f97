/// One terminal cell: a grapheme (which may be two columns wide) and its style.
///
/// The cell right of a wide grapheme is a `continuation`, which backends skip.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style
    /// The semantic role that produced `style`, kept so screen tests can check colours
    /// by meaning (`alarm`, `prod.frame`) without raw escape bytes.
    public var role: String?

    public init(_ text: String = " ", style: Style = .plain, role: String? = nil) {
        self.text = text
        self.style = style
        self.role = role
    }

    public static let blank = Cell()
    /// Placeholder for the second column of a wide character.
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}
