/// The result of `AuditLog.verify`: how many entries were read and every problem found.
public struct AuditVerification: Sendable, Hashable {
    /// The lines read (including damaged ones).
    public var lineCount: Int
    /// The entries that decoded.
    public var entries: [AuditEntry]
    /// Every problem, in file order; empty when the log is intact.
    public var problems: [AuditProblem]

    /// Creates a result.
    public init(lineCount: Int, entries: [AuditEntry], problems: [AuditProblem]) {
        self.lineCount = lineCount
        self.entries = entries
        self.problems = problems
    }

    /// True when no problem was found.
    public var isIntact: Bool { problems.isEmpty }
}
