/// Why `--write-profile` failed. The session was assumed and recorded either way.
public enum ProfileWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a usable profile name.
    case invalidName(String)
    /// The credentials file could not be read or replaced.
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidName(let name):
            return "\"\(name)\" is not a usable profile name; use letters, digits and - _ . @ +."
        case .failed(let path, let reason):
            return "cannot write the credentials file \(path): \(reason). The session was assumed and "
                + "recorded; use --print env instead."
        }
    }
}
