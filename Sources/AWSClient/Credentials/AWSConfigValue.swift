/// One value in a shared config file: a plain string, or a nested block such as
///
/// ```
/// s3 =
///   addressing_style = path
/// ```
public enum AWSConfigValue: Sendable, Equatable {
    /// A plain value, whitespace-trimmed; continuation lines are joined with newlines.
    case string(String)
    /// The indented `key = value` lines under a key with an empty value; keys keep their case.
    case subsection([String: String])

    /// The plain value, or nil for a nested block.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The nested block, or nil for a plain value.
    public var subsection: [String: String]? {
        if case .subsection(let values) = self { return values }
        return nil
    }
}
