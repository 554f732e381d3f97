/// A theme that could not be loaded: which file, where in it, and what is wrong.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, phrased for the person who wrote the file.
    public enum Kind: Sendable, Hashable {
        /// No user theme or built-in theme has this name.
        case notFound(name: String, searched: [String], suggestion: String?)
        /// The file exists but could not be read or is not UTF-8.
        case unreadable(reason: String)
        case syntax(String)
        case unknownRole(String, suggestion: String?)
        case unknownKey(String, suggestion: String?)
        case badColor(key: String, problem: ThemeColor.Problem)
        case badAttribute(String, suggestion: String?)
        case wrongType(key: String, expected: String, found: String)
        case badPaletteName(String)
        case badBase(String)
        /// Only shipped themes must define every role; user themes inherit.
        case missingRoles([String])
    }

    /// The file, as the user named it (a path or `NAME.toml` for a built-in theme).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var kind: Kind

    public init(file: String, line: Int? = nil, column: Int? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
    }

    /// `light.toml:12:24: bad colour for fg: "rde" is not a colour (did you mean "red"?)`.
    public var description: String {
        // There is no file to point at when no theme had the name.
        if case .notFound = kind { return message }
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }

    /// The message without the location.
    public var message: String {
        switch kind {
        case .notFound(let name, let searched, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "no theme named \"\(name)\"\(hint); looked in \(searched.joined(separator: ", "))"
        case .unreadable(let reason):
            return "cannot read the theme: \(reason)"
        case .syntax(let detail):
            return "TOML syntax error: \(detail)"
        case .unknownRole(let role, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown role \"\(role)\"\(hint)"
        case .unknownKey(let key, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown key \"\(key)\"\(hint)"
        case .badColor(let key, let problem):
            return "bad colour for \(key): \(problem.message)"
        case .badAttribute(let name, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            let known = ThemeAttributes.names.map(\.name).joined(separator: ", ")
            return "\"\(name)\" is not an attribute\(hint); use \(known)"
        case .wrongType(let key, let expected, let found):
            return "\(key) must be \(expected), not \(found)"
        case .badPaletteName(let name):
            return "palette name \"\(name)\" is a built-in colour name; choose another"
        case .badBase(let name):
            return "base \"\(name)\" is not a built-in theme (use one of "
                + BuiltinThemes.names.joined(separator: ", ") + ")"
        case .missingRoles(let roles):
            return "the theme does not define these roles: \(roles.joined(separator: ", "))"
        }
    }
}
