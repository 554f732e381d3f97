import TerminalKit

/// The text attribute names theme files use in `attrs = [...]`.
public enum ThemeAttributes {
    public static let names: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
        ("italic", .italic), ("blink", .blink),
    ]

    /// The attribute called `name` (case-insensitive); nil when there is none.
    public static func attribute(named name: String) -> TextAttributes? {
        let lower = name.lowercased()
        return names.first { $0.name == lower }?.attribute
    }
}
