/// A line of `~/.aws/config` or `~/.aws/credentials` that the CLI would also reject. The
/// message names the file and line but never quotes the line: it may hold a pasted secret.
public struct AWSConfigFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the line.
    public enum Problem: Sendable, Equatable {
        /// A `key = value` line before any `[section]`.
        case missingSectionHeader
        /// The same `[section]` twice in one file.
        case duplicateSection(String)
        /// The same key twice in one section.
        case duplicateKey(key: String, section: String)
        /// A line that is neither a section, a `key = value` pair nor a comment.
        case unrecognizedLine
        /// A `= value` line without a key.
        case emptyKey
        /// An indented line of a nested block without `=`.
        case nestedLineWithoutEquals
        /// The file is not UTF-8 text.
        case notUTF8
    }

    /// The file, as given (after `~` expansion).
    public var path: String
    /// The 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    /// What is wrong.
    public var problem: Problem

    /// Creates an error for a line of a file.
    public init(path: String, line: Int, problem: Problem) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    /// `path:line: message`, in the form editors jump to.
    public var description: String {
        let location = line > 0 ? "\(path):\(line)" : path
        return "\(location): \(message)"
    }

    private var message: String {
        switch problem {
        case .missingSectionHeader:
            "a setting before any [section] header; start the file with [default] or [profile NAME]"
        case .duplicateSection(let name):
            "section [\(name)] appears twice in this file; merge the two"
        case .duplicateKey(let key, let section):
            "\(key) is set twice in [\(section)]; keep one"
        case .unrecognizedLine:
            "cannot parse this line; expected [section], key = value or a # comment"
        case .emptyKey:
            "a value without a key name before the ="
        case .nestedLineWithoutEquals:
            "cannot parse this line of a nested block; expected an indented key = value"
        case .notUTF8:
            "not UTF-8 text"
        }
    }
}
