import OpsDeckCore

/// What can go wrong with the local cache, with a message a user can act on.
public enum CacheError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cache directory could not be created or given safe permissions.
    case cannotCreateDirectory(path: String, reason: String)
    /// The cache file could not be opened, even after moving a damaged one aside.
    case cannotOpen(path: String, reason: String)
    /// A damaged cache file could not be moved out of the way.
    case cannotMoveAside(path: String, reason: String)
    /// `replace` was given rows of another kind than the source names.
    case sourceMismatch(source: Source, records: String)
    /// A row belongs to another account or region than the refresh it came with.
    case recordOutsideScope(source: Source, expected: String, found: String)
    /// A write failed; nothing of it was kept.
    case writeFailed(operation: String, reason: String)
    /// A read failed.
    case readFailed(operation: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "Cannot create the cache directory \(path): \(reason). "
                + "Check its permissions or set XDG_CACHE_HOME."
        case .cannotOpen(let path, let reason):
            "Cannot open the cache \(path): \(reason). "
                + "Remove the file; OpsDeck rebuilds it on the next refresh."
        case .cannotMoveAside(let path, let reason):
            "The cache \(path) is damaged and could not be moved aside: \(reason). Remove it by hand."
        case .sourceMismatch(let source, let records):
            "Internal error: a \(source.rawValue) refresh carried \(records) rows; nothing was written."
        case .recordOutsideScope(let source, let expected, let found):
            "Internal error: a \(source.rawValue) refresh for \(expected) carried a row of \(found); "
                + "nothing was written."
        case .writeFailed(let operation, let reason):
            "Could not write \(operation) to the cache: \(reason). The previous data is kept."
        case .readFailed(let operation, let reason):
            "Could not read \(operation) from the cache: \(reason). Deleting the cache file rebuilds it."
        }
    }
}
