import OpsDeckUI
import TerminalKit

/// Turns the text of a theme file into styles, collecting every problem in line order.
struct ThemeDecoder {
    /// What a theme file says, before any fill-in from a base theme.
    struct Decoded: Sendable {
        var styles: [ThemeRole: Style] = [:]
        var base: String?
        var errors: [ThemeError] = []
    }

    static let topLevelKeys = ["palette", "roles", "base"]
    static let roleKeys = ["fg", "bg", "attrs"]

    let file: String
    let locator: TOMLKeyLocator

    /// Decodes `text`; never throws, the problems are in `errors`.
    static func decode(text: String, file: String) -> Decoded {
        let root: [String: TOMLNode]
        do {
            root = try TOMLNode.parse(text)
        } catch {
            var decoded = Decoded()
            decoded.errors = [
                ThemeError(
                    file: file, line: error.line, column: error.column,
                    kind: .syntax(error.message))
            ]
            return decoded
        }
        let decoder = ThemeDecoder(file: file, locator: TOMLKeyLocator(text: text))
        var decoded = decoder.decode(root)
        decoded.errors.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return decoded
    }

    private func decode(_ root: [String: TOMLNode]) -> Decoded {
        var decoded = Decoded()
        for key in root.keys where !Self.topLevelKeys.contains(key) {
            decoded.errors.append(
                error(
                    at: [.key(key)], onValue: false,
                    .unknownKey(key, suggestion: Suggestion.closest(to: key, in: Self.topLevelKeys))))
        }
        if let base = root["base"] {
            if let name = base.stringValue {
                if BuiltinThemes.text(named: name) == nil {
                    decoded.errors.append(error(at: [.key("base")], onValue: true, .badBase(name)))
                } else {
                    decoded.base = name
                }
            } else {
                decoded.errors.append(
                    error(
                        at: [.key("base")], onValue: true,
                        .wrongType(key: "base", expected: "a string", found: base.typeDescription)))
            }
        }
        let palette = decodePalette(root["palette"], errors: &decoded.errors)
        guard let roles = root["roles"] else { return decoded }
        guard let table = roles.tableValue else {
            decoded.errors.append(
                error(
                    at: [.key("roles")], onValue: true,
                    .wrongType(key: "roles", expected: "a table", found: roles.typeDescription)))
            return decoded
        }
        let roleNames = ThemeRole.allCases.map(\.rawValue)
        for (name, value) in table {
            let path: TOMLKeyLocator.Path = [.key("roles"), .key(name)]
            guard let role = ThemeRole(rawValue: name) else {
                decoded.errors.append(
                    error(
                        at: path, onValue: false,
                        .unknownRole(name, suggestion: Suggestion.closest(to: name, in: roleNames))))
                continue
            }
            if let style = decodeStyle(value, path: path, palette: palette, errors: &decoded.errors) {
                decoded.styles[role] = style
            }
        }
        return decoded
    }

    private func decodePalette(_ node: TOMLNode?, errors: inout [ThemeError]) -> [String: Color] {
        guard let node else { return [:] }
        guard let table = node.tableValue else {
            errors.append(
                error(
                    at: [.key("palette")], onValue: true,
                    .wrongType(key: "palette", expected: "a table", found: node.typeDescription)))
            return [:]
        }
        var palette: [String: Color] = [:]
        for (name, value) in table {
            let path: TOMLKeyLocator.Path = [.key("palette"), .key(name)]
            if ThemeColor.builtin(name.lowercased()) != nil {
                errors.append(error(at: path, onValue: false, .badPaletteName(name)))
                continue
            }
            do {
                palette[name] = try Self.color(value, palette: [:])
            } catch {
                errors.append(
                    self.error(at: path, onValue: true, .badColor(key: "palette \(name)", problem: error)))
            }
        }
        return palette
    }

    private func decodeStyle(
        _ node: TOMLNode, path: TOMLKeyLocator.Path, palette: [String: Color], errors: inout [ThemeError]
    ) -> Style? {
        let roleName = path.last?.description ?? ""
        guard let table = node.tableValue else {
            errors.append(
                error(
                    at: path, onValue: true,
                    .wrongType(
                        key: roleName,
                        expected: "an inline table such as { fg = \"red\", attrs = [\"bold\"] }",
                        found: node.typeDescription)))
            return nil
        }
        var style = Style()
        var valid = true
        for (key, value) in table {
            let keyPath = path + [.key(key)]
            switch key {
            case "fg", "bg":
                do {
                    let color = try Self.color(value, palette: palette)
                    if key == "fg" { style.foreground = color } else { style.background = color }
                } catch {
                    errors.append(
                        self.error(
                            at: keyPath, onValue: true,
                            .badColor(key: "\(roleName) \(key)", problem: error)))
                    valid = false
                }
            case "attrs":
                guard let attributes = decodeAttributes(value, path: keyPath, errors: &errors) else {
                    valid = false
                    continue
                }
                style.attributes = attributes
            default:
                errors.append(
                    error(
                        at: keyPath, onValue: false,
                        .unknownKey(key, suggestion: Suggestion.closest(to: key, in: Self.roleKeys))))
                valid = false
            }
        }
        return valid ? style : nil
    }

    private func decodeAttributes(
        _ node: TOMLNode, path: TOMLKeyLocator.Path, errors: inout [ThemeError]
    ) -> TextAttributes? {
        let elements: [(TOMLNode, TOMLKeyLocator.Path)]
        switch node {
        case .string: elements = [(node, path)]
        case .array(let array): elements = array.enumerated().map { ($1, path + [.index($0)]) }
        default:
            errors.append(
                error(
                    at: path, onValue: true,
                    .wrongType(
                        key: "attrs", expected: "a list of attribute names", found: node.typeDescription)))
            return nil
        }
        var attributes: TextAttributes = []
        var valid = true
        for (element, elementPath) in elements {
            guard let name = element.stringValue else {
                errors.append(
                    error(
                        at: elementPath, onValue: true,
                        .wrongType(
                            key: "an attribute", expected: "a string", found: element.typeDescription)))
                valid = false
                continue
            }
            guard let attribute = ThemeAttributes.attribute(named: name) else {
                let known = ThemeAttributes.names.map(\.name)
                errors.append(
                    error(
                        at: elementPath, onValue: true,
                        .badAttribute(name, suggestion: Suggestion.closest(to: name, in: known))))
                valid = false
                continue
            }
            attributes.formUnion(attribute)
        }
        return valid ? attributes : nil
    }

    static func color(_ node: TOMLNode, palette: [String: Color]) throws(ThemeColor.Problem) -> Color {
        switch node {
        case .string(let text): return try ThemeColor.parse(text, palette: palette)
        case .integer(let value): return try ThemeColor.index(value)
        default: throw .wrongType(node.typeDescription)
        }
    }

    private func error(at path: TOMLKeyLocator.Path, onValue: Bool, _ kind: ThemeError.Kind) -> ThemeError {
        let location = locator.nearest(path)
        let position = onValue ? location?.value : location?.key
        return ThemeError(file: file, line: position?.line, column: position?.column, kind: kind)
    }
}
