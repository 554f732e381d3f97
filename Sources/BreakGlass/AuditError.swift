/// Why the audit log could not be written or read. Every message names the file and what
/// to do; a write failure refuses the role assumption it was meant to record.
public enum AuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory or file could not be created, opened, locked, written or synced.
    case notWritable(path: String, operation: String, reason: String)
    /// The file could not be read.
    case notReadable(path: String, reason: String)
    /// The log's last line, or its head record, is not what OpsDeck wrote: appending now
    /// would hide the damage, so nothing is appended.
    case damaged(path: String, detail: String)

    public var description: String {
        switch self {
        case .notWritable(let path, let operation, let reason):
            return "cannot \(operation) the break-glass audit log \(path): \(reason). Nothing was assumed; "
                + "make the file and its directory writable by you (0600 / 0700) and try again."
        case .notReadable(let path, let reason):
            return "cannot read the break-glass audit log \(path): \(reason)."
        case .damaged(let path, let detail):
            return "the break-glass audit log \(path) is damaged (\(detail)). Nothing was assumed; "
                + "run `opsdeck audit verify`, move the log and its .head file aside (keep them for "
                + "review) and try again."
        }
    }
}
