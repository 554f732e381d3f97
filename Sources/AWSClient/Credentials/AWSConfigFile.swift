import Foundation

/// One parsed shared config or credentials file, section by section, read with the rules
/// of the AWS CLI (Python's `configparser` as botocore configures it):
///
/// - `[name]` starts a section; the name is everything up to the last `]` on the line.
/// - `key = value` or `key: value`; keys are lower-cased, values trimmed. There are no
///   inline comments: `region = us-east-1 # x` keeps the `# x`.
/// - Whole-line comments start with `#` or `;`, possibly indented.
/// - A line indented deeper than its key's line continues that value; a key whose value
///   is empty followed by indented `k = v` lines is a nested block (`s3 =`).
/// - A `[DEFAULT]` section is not a section of its own: its keys apply to every section
///   that does not set them.
/// - A repeated section or a repeated key within a section is an error.
public struct AWSConfigFile: Sendable, Equatable {
    /// One `[section]` with its values.
    public struct Section: Sendable, Equatable {
        /// The text between the brackets, such as `profile prod` or `default`.
        public var name: String
        /// The line of the header.
        public var line: Int
        /// Values by lower-cased key, with `[DEFAULT]` values filled in.
        public var values: [String: AWSConfigValue]
        /// The line each key was set on.
        public var keyLines: [String: Int]

        /// Creates a section from its parts.
        public init(name: String, line: Int, values: [String: AWSConfigValue], keyLines: [String: Int] = [:])
        {
            self.name = name
            self.line = line
            self.values = values
            self.keyLines = keyLines
        }
    }

    /// The file's path, for messages.
    public var path: String
    /// The sections in the order they appear.
    public var sections: [Section]

    /// Creates a file from already parsed sections.
    public init(path: String, sections: [Section]) {
        self.path = path
        self.sections = sections
    }

    /// The section with exactly this name (section names are case-sensitive).
    public func section(_ name: String) -> Section? {
        sections.first { $0.name == name }
    }

    /// Parses the text of a file.
    /// - Throws: `AWSConfigFileError` naming the first offending line.
    public static func parse(_ text: String, path: String) throws(AWSConfigFileError) -> AWSConfigFile {
        var parser = AWSConfigFileParser(path: path)
        return try parser.parse(text)
    }

    /// Parses the bytes of a file, which must be UTF-8.
    /// - Throws: `AWSConfigFileError`.
    public static func parse(data: Data, path: String) throws(AWSConfigFileError) -> AWSConfigFile {
        guard let text = String(data: data, encoding: .utf8) else {
            throw AWSConfigFileError(path: path, line: 0, problem: .notUTF8)
        }
        return try parse(text, path: path)
    }
}
