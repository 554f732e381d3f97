/// One sign of tampering or damage that `AuditLog.verify` found.
public struct AuditProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of damage.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The line is not a JSON object of strings and integers with the required fields.
        case malformed
        /// The file ends in the middle of a line.
        case partialLine = "partial-line"
        /// The line's content does not match its own hash.
        case edited
        /// The line does not link to the one before: that one was changed and re-hashed.
        case relinked
        /// Entries are missing (a gap in the sequence numbers, or the start is gone).
        case deleted
        /// Entries are out of order.
        case reordered
        /// Entries are missing from the end (the head record names a later entry).
        case truncated
        /// The head record is missing or does not match the last entry.
        case headMismatch = "head-mismatch"
    }

    /// The 1-based line in the log (0 for the head record).
    public var line: Int
    /// The kind of damage.
    public var kind: Kind
    /// A sentence for the user.
    public var detail: String

    /// Creates a problem.
    public init(line: Int, kind: Kind, detail: String) {
        self.line = line
        self.kind = kind
        self.detail = detail
    }

    public var description: String {
        line > 0 ? "line \(line): \(kind.rawValue): \(detail)" : "\(kind.rawValue): \(detail)"
    }
}
