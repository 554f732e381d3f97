import TerminalKit

/// Reads a colour as theme files write it.
///
/// Accepted: `"default"`, the 16 ANSI names (`"red"`, `"bright-black"`, ... with `-` or
/// `_`, and `"grey"`/`"gray"` for bright-black), an integer 0-255 or the same as a string,
/// `"#rrggbb"` (or `"#rgb"`) mapped to the nearest xterm-256 entry, or a name from the
/// file's `[palette]`.
public enum ThemeColor {
    /// The colour names every file may use, in palette order.
    public static let names: [(name: String, color: Color)] = [
        ("default", .default),
        ("black", .black), ("red", .red), ("green", .green), ("yellow", .yellow),
        ("blue", .blue), ("magenta", .magenta), ("cyan", .cyan), ("white", .white),
        ("bright-black", .brightBlack), ("bright-red", .brightRed), ("bright-green", .brightGreen),
        ("bright-yellow", .brightYellow), ("bright-blue", .brightBlue),
        ("bright-magenta", .brightMagenta), ("bright-cyan", .brightCyan),
        ("bright-white", .brightWhite),
        ("grey", .brightBlack), ("gray", .brightBlack),
    ]

    /// Why a colour was rejected, phrased to follow the value in a message.
    public enum Problem: Error, Sendable, Hashable {
        case unknownName(String, suggestion: String?)
        case outOfRange(Int)
        case badHex(String)
        case wrongType(String)

        public var message: String {
            switch self {
            case .unknownName(let name, let suggestion):
                let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
                return "\"\(name)\" is not a colour\(hint); use a name such as \"red\" or "
                    + "\"bright-blue\", 0-255, \"#rrggbb\" or a [palette] name"
            case .outOfRange(let value):
                return "\(value) is not a colour index (use 0-255)"
            case .badHex(let text):
                return "\"\(text)\" is not a hex colour (use \"#rrggbb\")"
            case .wrongType(let type):
                return "a colour must be a string or an integer, not \(type)"
            }
        }
    }

    /// Parses a colour from its written form.
    /// - Parameter palette: the file's `[palette]`, already parsed.
    public static func parse(_ text: String, palette: [String: Color] = [:]) throws(Problem) -> Color {
        let trimmed = text.lowercased()
        if let color = builtin(trimmed) { return color }
        if let color = palette[text] ?? palette[trimmed] { return color }
        if trimmed.hasPrefix("#") { return try hex(trimmed) }
        if let value = Int(trimmed) { return try index(value) }
        let candidates = names.map(\.name) + palette.keys.sorted()
        throw .unknownName(text, suggestion: Suggestion.closest(to: trimmed, in: candidates))
    }

    /// An integer colour: a palette index.
    public static func index(_ value: Int) throws(Problem) -> Color {
        guard let index = UInt8(exactly: value) else { throw .outOfRange(value) }
        return .indexed(index)
    }

    /// The name `parse` knows for a built-in colour (with `-` or `_`).
    static func builtin(_ name: String) -> Color? {
        let normalized = name.replacingUnderscores()
        return names.first { $0.name == normalized }?.color
    }

    static func hex(_ text: String) throws(Problem) -> Color {
        var digits = String(text.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = Int(digits, radix: 16) else {
            throw .badHex(text)
        }
        return .indexed(
            XtermPalette.nearestIndex(
                red: (value >> 16) & 0xFF, green: (value >> 8) & 0xFF, blue: value & 0xFF
            ))
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
