/// One thing wrong with a config file, located so an editor can jump to it.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Ignored with a default in its place; `config check` still passes.
        case warning
        /// The value is not used (its default is); `config check` fails.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// The file as the caller named it.
    public var file: String
    /// 1-based; nil for a problem with the file as a whole (cannot be read).
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    /// What is wrong and, where it helps, what to write instead. Never holds a secret.
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `config.toml:7:10: error: [refresh] alarms: "6x" is not a duration (use 60s, 2m, 1h)`.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension [ConfigProblem] {
    /// In reading order; problems without a line first, ties kept in the order found.
    func sortedByLocation() -> [ConfigProblem] {
        enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
