/// Where each key and value of a TOML document is written.
///
/// TOMLKit gives line numbers only for syntax errors, yet `config check` must point at
/// the line of a bad value. This scanner walks the source text the way a TOML parser
/// would (table headers, dotted and quoted keys, strings, arrays and inline tables) and
/// records positions only; it never judges validity, and on text it does not understand
/// it skips to the next line instead of failing.
struct TOMLKeyLocator: Sendable {
    /// A 1-based line and column; columns count Unicode scalars, as toml++ does.
    struct Position: Sendable, Hashable, Comparable {
        var line: Int
        var column: Int

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.column) < (rhs.line, rhs.column)
        }
    }

    /// One step into the document: a table key or an array index.
    enum Component: Sendable, Hashable, CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    typealias Path = [Component]

    /// Where a key (or a table header, or an array element) and its value start.
    struct Location: Sendable, Hashable {
        var key: Position
        var value: Position
    }

    private(set) var locations: [Path: Location] = [:]

    init(text: String) {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        scanner.scanDocument()
        locations = scanner.locations
    }

    /// The location of a path of table keys.
    func location(_ keys: [String]) -> Location? { locations[keys.map { .key($0) }] }

    func location(_ path: Path) -> Location? { locations[path] }

    /// The location of `path`, or of the longest prefix of it that is written down
    /// (a value inside a key that was never located still gets its table's line).
    func nearest(_ path: Path) -> Location? {
        var path = path
        while !path.isEmpty {
            if let found = locations[path] { return found }
            path.removeLast()
        }
        return nil
    }
}

extension TOMLKeyLocator {
    fileprivate struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var lineStart = 0
        var locations: [Path: Location] = [:]
        var arrayTableCounts: [Path: Int] = [:]

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var position: Position { Position(line: line, column: index - lineStart + 1) }
        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        func peek(_ offset: Int) -> Unicode.Scalar? {
            let at = index + offset
            return at < scalars.count ? scalars[at] : nil
        }

        func lookingAt(_ text: String) -> Bool {
            for (offset, scalar) in text.unicodeScalars.enumerated() where peek(offset) != scalar {
                return false
            }
            return true
        }

        mutating func advance() {
            guard let scalar = current else { return }
            index += 1
            if scalar == "\n" {
                line += 1
                lineStart = index
            }
        }

        mutating func advance(by count: Int) {
            for _ in 0..<count { advance() }
        }

        mutating func skipSpaces() {
            while let scalar = current, scalar == " " || scalar == "\t" { advance() }
        }

        mutating func skipRestOfLine() {
            while let scalar = current, scalar != "\n" { advance() }
            advance()
        }

        /// Spaces, newlines and comments: what may sit between array elements.
        mutating func skipBlank() {
            while let scalar = current {
                if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                    advance()
                } else if scalar == "#" {
                    while let inner = current, inner != "\n" { advance() }
                } else {
                    return
                }
            }
        }

        mutating func record(_ path: Path, key: Position, value: Position) {
            if locations[path] == nil { locations[path] = Location(key: key, value: value) }
        }

        mutating func scanDocument() {
            var table: Path = []
            while true {
                skipBlank()
                guard let scalar = current else { return }
                let before = index
                if scalar == "[" {
                    table = scanHeader() ?? table
                    skipRestOfLine()
                } else {
                    scanKeyValue(in: table)
                    skipSpaces()
                    if current != "\n" { skipRestOfLine() }
                }
                if index == before { advance() }
            }
        }

        /// `[a.b]` or `[[a.b]]`; returns the path later keys belong to.
        mutating func scanHeader() -> Path? {
            let headerStart = position
            let isArray = peek(1) == "["
            advance(by: isArray ? 2 : 1)
            guard let keys = scanKey() else { return nil }
            var path: Path = []
            for (key, at) in keys {
                path.append(.key(key))
                record(path, key: at, value: headerStart)
            }
            if isArray {
                let count = arrayTableCounts[path, default: 0]
                arrayTableCounts[path] = count + 1
                path.append(.index(count))
                record(path, key: headerStart, value: headerStart)
            }
            return path
        }

        /// A dotted key: `a`, `"a.b"`, `a."b c".d`, each part with where it starts.
        mutating func scanKey() -> [(String, Position)]? {
            var parts: [(String, Position)] = []
            while true {
                skipSpaces()
                let start = position
                guard let scalar = current else { return nil }
                let part: String
                if scalar == "\"" {
                    guard let text = scanBasicString() else { return nil }
                    part = text
                } else if scalar == "'" {
                    guard let text = scanLiteralString() else { return nil }
                    part = text
                } else {
                    var text = String.UnicodeScalarView()
                    while let bare = current, Self.isBareKeyScalar(bare) {
                        text.append(bare)
                        advance()
                    }
                    guard !text.isEmpty else { return nil }
                    part = String(text)
                }
                parts.append((part, start))
                skipSpaces()
                guard current == "." else { return parts }
                advance()
            }
        }

        mutating func scanKeyValue(in table: Path) {
            guard let keys = scanKey() else { return }
            skipSpaces()
            guard current == "=" else { return }
            advance()
            skipSpaces()
            let valueStart = position
            var path = table
            for (offset, (key, at)) in keys.enumerated() {
                path.append(.key(key))
                let isLast = offset == keys.count - 1
                record(path, key: at, value: isLast ? valueStart : at)
            }
            scanValue(at: path)
        }

        mutating func scanValue(at path: Path) {
            guard let scalar = current else { return }
            switch scalar {
            case "\"":
                if lookingAt("\"\"\"") {
                    scanMultilineString(delimiter: "\"\"\"", escapes: true)
                } else {
                    _ = scanBasicString()
                }
            case "'":
                if lookingAt("'''") {
                    scanMultilineString(delimiter: "'''", escapes: false)
                } else {
                    _ = scanLiteralString()
                }
            case "[":
                scanArray(at: path)
            case "{":
                scanInlineTable(at: path)
            default:
                while let other = current, !",]}#\n".unicodeScalars.contains(other) { advance() }
            }
        }

        mutating func scanArray(at path: Path) {
            advance()
            var element = 0
            while true {
                skipBlank()
                guard let scalar = current else { return }
                if scalar == "]" {
                    advance()
                    return
                }
                let start = position
                record(path + [.index(element)], key: start, value: start)
                scanValue(at: path + [.index(element)])
                skipBlank()
                if current == "," {
                    advance()
                    element += 1
                } else if current == "]" {
                    advance()
                    return
                } else {
                    return
                }
            }
        }

        mutating func scanInlineTable(at path: Path) {
            advance()
            while true {
                skipBlank()
                guard let scalar = current else { return }
                if scalar == "}" {
                    advance()
                    return
                }
                scanKeyValue(in: path)
                skipBlank()
                if current == "," {
                    advance()
                } else if current == "}" {
                    advance()
                    return
                } else {
                    return
                }
            }
        }

        /// A one-line `"..."`; returns its text with the common escapes undone so that
        /// quoted keys compare equal to what TOMLKit reports.
        mutating func scanBasicString() -> String? {
            advance()
            var text = String.UnicodeScalarView()
            while let scalar = current, scalar != "\n" {
                advance()
                if scalar == "\"" { return String(text) }
                if scalar == "\\", let escaped = current {
                    advance()
                    switch escaped {
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    case "r": text.append("\r")
                    case "u", "U":
                        let length = escaped == "u" ? 4 : 8
                        var hex = ""
                        for _ in 0..<length {
                            guard let digit = current, digit.properties.isASCIIHexDigit else { break }
                            hex.unicodeScalars.append(digit)
                            advance()
                        }
                        if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                            text.append(decoded)
                        }
                    default: text.append(escaped)
                    }
                } else {
                    text.append(scalar)
                }
            }
            return nil
        }

        mutating func scanLiteralString() -> String? {
            advance()
            var text = String.UnicodeScalarView()
            while let scalar = current, scalar != "\n" {
                advance()
                if scalar == "'" { return String(text) }
                text.append(scalar)
            }
            return nil
        }

        mutating func scanMultilineString(delimiter: String, escapes: Bool) {
            advance(by: 3)
            while !atEnd {
                if escapes, current == "\\" {
                    advance(by: 2)
                } else if lookingAt(delimiter) {
                    advance(by: 3)
                    // Up to two quotes right before the closing ones belong to the string.
                    while let quote = current, quote == delimiter.unicodeScalars.first { advance() }
                    return
                } else {
                    advance()
                }
            }
        }

        static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": true
            default: false
            }
        }
    }
}
