import Foundation

/// Typed reads of single values; each reports a wrong type and returns nil.
extension ConfigDecoder {
    /// `regions`, `[refresh] alarms`, `[keys] down`, `[breakglass] tags.team`.
    func label(_ path: Path) -> String {
        let keys = path.compactMap { component -> String? in
            if case .key(let key) = component { return Self.quotedIfNeeded(key) }
            return nil
        }
        guard keys.count > 1, let section = keys.first else { return keys.first ?? "" }
        return "[\(section)] " + keys.dropFirst().joined(separator: ".")
    }

    static func quotedIfNeeded(_ key: String) -> String {
        let bare =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" || $0 == "-"
            }
        return bare ? key : "\"\(key)\""
    }

    mutating func report(
        _ severity: ConfigProblem.Severity, at path: Path, onValue: Bool = true, label: String? = nil,
        _ message: String
    ) {
        let location = locator.nearest(path)
        let position = onValue ? location?.value : location?.key
        problems.append(
            ConfigProblem(
                file: file, line: position?.line, column: position?.column,
                severity: severity, message: "\(label ?? self.label(path)): \(message)"))
    }

    mutating func error(at path: Path, onValue: Bool = true, _ message: String) {
        report(.error, at: path, onValue: onValue, message)
    }

    mutating func warning(at path: Path, onValue: Bool = true, _ message: String) {
        report(.warning, at: path, onValue: onValue, message)
    }

    mutating func wrongType(_ node: TOMLNode, at path: Path, expected: String) {
        error(at: path, "expected \(expected), found \(node.typeDescription)")
    }

    mutating func string(_ node: TOMLNode, at path: Path) -> String? {
        guard let text = node.stringValue else {
            wrongType(node, at: path, expected: "a string")
            return nil
        }
        return text
    }

    mutating func bool(_ node: TOMLNode, at path: Path) -> Bool? {
        guard case .boolean(let value) = node else {
            wrongType(node, at: path, expected: "true or false")
            return nil
        }
        return value
    }

    mutating func integer(_ node: TOMLNode, at path: Path) -> Int? {
        guard case .integer(let value) = node else {
            wrongType(node, at: path, expected: "an integer")
            return nil
        }
        return value
    }

    mutating func section(_ node: TOMLNode, at path: Path, expected: String = "a [section] table")
        -> [String: TOMLNode]?
    {
        guard let table = node.tableValue else {
            wrongType(node, at: path, expected: expected)
            return nil
        }
        return table
    }

    /// A list of strings with each element's path; nil (reported) if it is not a list.
    /// Elements that are not strings are reported and left out.
    mutating func stringArray(_ node: TOMLNode, at path: Path, expected: String)
        -> [(String, Path)]?
    {
        guard let array = node.arrayValue else {
            wrongType(node, at: path, expected: expected)
            return nil
        }
        var result: [(String, Path)] = []
        for (index, element) in array.enumerated() {
            let elementPath = path + [.index(index)]
            guard let text = element.stringValue else {
                error(
                    at: elementPath, "element \(index + 1) must be a string, not \(element.typeDescription)")
                continue
            }
            result.append((text, elementPath))
        }
        return result
    }

    /// A whole number of seconds, or a string such as `"2m"`.
    mutating func duration(_ node: TOMLNode, at path: Path) -> Duration? {
        switch node {
        case .integer(let seconds):
            guard seconds >= 0 else {
                error(at: path, "\(seconds) is negative (\(Self.durationHint))")
                return nil
            }
            return .seconds(seconds)
        case .string(let text):
            guard let duration = ConfigDuration.parse(text) else {
                error(at: path, "\"\(text)\" is not a duration (\(Self.durationHint))")
                return nil
            }
            return duration
        default:
            wrongType(node, at: path, expected: "a duration such as \"60s\" or a number of seconds")
            return nil
        }
    }

    /// An absolute http or https URL.
    mutating func url(_ node: TOMLNode, at path: Path) -> String? {
        guard let text = string(node, at: path) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            error(at: path, "\"\(text)\" is not an http(s) URL such as https://example.com")
            return nil
        }
        return text
    }

    /// A secret string. Messages about it never include the value.
    mutating func secret(_ node: TOMLNode, at path: Path) -> Secret? {
        guard let text = node.stringValue else {
            error(at: path, "expected a string, found \(node.typeDescription)")
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(at: path, "is empty; leave it out to turn this source off")
            return nil
        }
        return Secret(text)
    }
}
