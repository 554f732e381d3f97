import OpsDeckUI

/// The `[ui]` section: how the console draws things that are a matter of taste or of
/// the link it runs over.
extension ConfigDecoder {
    mutating func decodeUI(_ table: [String: TOMLNode], at section: Path) {
        for (key, value) in inFileOrder(table, at: section) {
            let path = section + [.key(key)]
            switch key {
            case "selection":
                guard let name = string(value, at: path) else { continue }
                if let style = SelectionStyle(rawValue: name) {
                    configuration.selection = style
                } else {
                    let names = SelectionStyle.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                    error(at: path, "\"\(name)\" is not a selection style (use \(names))")
                }
            default:
                unknownKey(key, in: "ui", at: path)
            }
        }
    }
}
