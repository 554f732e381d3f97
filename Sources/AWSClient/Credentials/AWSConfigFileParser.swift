/// The line-by-line state machine behind `AWSConfigFile.parse`.
struct AWSConfigFileParser {
    private struct Line {
        var text: String
        var number: Int
    }

    private struct RawOption {
        var key: String
        var lines: [Line]
    }

    private struct RawSection {
        var name: String
        var line: Int
        var options: [RawOption] = []
        var optionIndex: [String: Int] = [:]
    }

    private enum Target {
        case section(Int)
        case defaults
    }

    private static let defaultSectionName = "DEFAULT"

    let path: String
    private var sections: [RawSection] = []
    private var sectionIndex: [String: Int] = [:]
    private var defaults = RawSection(name: AWSConfigFileParser.defaultSectionName, line: 0)
    private var target: Target?
    private var currentOption: Int?
    private var indentLevel = 0

    init(path: String) {
        self.path = path
    }

    mutating func parse(_ text: String) throws(AWSConfigFileError) -> AWSConfigFile {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (offset, line) in lines.enumerated() {
            try consume(line, number: offset + 1)
        }
        let defaultValues = try finish(defaults)
        var result: [AWSConfigFile.Section] = []
        for section in sections {
            let own = try finish(section)
            var values = defaultValues.values
            var keyLines = defaultValues.keyLines
            values.merge(own.values) { _, sectionValue in sectionValue }
            keyLines.merge(own.keyLines) { _, sectionLine in sectionLine }
            result.append(
                AWSConfigFile.Section(
                    name: section.name, line: section.line, values: values, keyLines: keyLines))
        }
        return AWSConfigFile(path: path, sections: result)
    }

    private mutating func consume(_ line: Substring, number: Int) throws(AWSConfigFileError) {
        let stripped = line.trimmingWhitespace()
        let isComment = stripped.hasPrefix("#") || stripped.hasPrefix(";")
        if stripped.isEmpty || isComment {
            // A blank line inside a value is kept (and trimmed off its end later), so a
            // nested block may contain blank lines; a comment line is dropped entirely.
            if !isComment, let target, let currentOption {
                appendLine(Line(text: "", number: number), to: target, option: currentOption)
            }
            return
        }
        let indent = line.prefix { $0.isWhitespace }.count
        if let target, let currentOption, indent > indentLevel {
            appendLine(Line(text: stripped, number: number), to: target, option: currentOption)
            return
        }
        indentLevel = indent
        if let header = Self.sectionHeader(stripped) {
            try openSection(header, line: number)
            return
        }
        guard let target else {
            throw AWSConfigFileError(path: path, line: number, problem: .missingSectionHeader)
        }
        guard let delimiter = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
            throw AWSConfigFileError(path: path, line: number, problem: .unrecognizedLine)
        }
        let key = stripped[..<delimiter].trimmingWhitespace().lowercased()
        guard !key.isEmpty else {
            throw AWSConfigFileError(path: path, line: number, problem: .emptyKey)
        }
        let value = stripped[stripped.index(after: delimiter)...].trimmingWhitespace()
        currentOption = try addOption(key, firstLine: Line(text: value, number: number), to: target)
    }

    /// The text between the first `[` and the last `]`, as Python's permissive
    /// `\[(?P<header>.+)\]` finds it; trailing text after the `]` is ignored.
    private static func sectionHeader(_ text: String) -> String? {
        guard text.hasPrefix("["), let close = text.lastIndex(of: "]") else { return nil }
        let start = text.index(after: text.startIndex)
        guard start < close else { return nil }
        return String(text[start..<close])
    }

    private mutating func openSection(_ name: String, line: Int) throws(AWSConfigFileError) {
        currentOption = nil
        if sectionIndex[name] != nil {
            throw AWSConfigFileError(path: path, line: line, problem: .duplicateSection(name))
        }
        if name == Self.defaultSectionName {
            target = .defaults
            return
        }
        sections.append(RawSection(name: name, line: line))
        sectionIndex[name] = sections.count - 1
        target = .section(sections.count - 1)
    }

    private mutating func addOption(_ key: String, firstLine: Line, to target: Target)
        throws(AWSConfigFileError)
        -> Int
    {
        func add(_ section: inout RawSection) -> Int? {
            guard section.optionIndex[key] == nil else { return nil }
            section.options.append(RawOption(key: key, lines: [firstLine]))
            section.optionIndex[key] = section.options.count - 1
            return section.options.count - 1
        }
        let added: Int?
        let sectionName: String
        switch target {
        case .section(let index):
            added = add(&sections[index])
            sectionName = sections[index].name
        case .defaults:
            added = add(&defaults)
            sectionName = defaults.name
        }
        guard let added else {
            throw AWSConfigFileError(
                path: path, line: firstLine.number, problem: .duplicateKey(key: key, section: sectionName))
        }
        return added
    }

    private mutating func appendLine(_ line: Line, to target: Target, option: Int) {
        switch target {
        case .section(let index): sections[index].options[option].lines.append(line)
        case .defaults: defaults.options[option].lines.append(line)
        }
    }

    private func finish(_ section: RawSection) throws(AWSConfigFileError)
        -> (values: [String: AWSConfigValue], keyLines: [String: Int])
    {
        var values: [String: AWSConfigValue] = [:]
        var keyLines: [String: Int] = [:]
        for option in section.options {
            values[option.key] = try value(of: option)
            keyLines[option.key] = option.lines.first?.number ?? section.line
        }
        return (values, keyLines)
    }

    private func value(of option: RawOption) throws(AWSConfigFileError) -> AWSConfigValue {
        let joined = option.lines.map(\.text).joined(separator: "\n").trimmingTrailingWhitespace()
        guard joined.hasPrefix("\n") else { return .string(joined) }
        var nested: [String: String] = [:]
        for line in option.lines.dropFirst() where !line.text.isEmpty {
            guard let equals = line.text.firstIndex(of: "=") else {
                throw AWSConfigFileError(path: path, line: line.number, problem: .nestedLineWithoutEquals)
            }
            let key = line.text[..<equals].trimmingWhitespace()
            nested[key] = line.text[line.text.index(after: equals)...].trimmingWhitespace()
        }
        return .subsection(nested)
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, form feeds, ...).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    func trimmingTrailingWhitespace() -> String {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[...last])
    }
}
