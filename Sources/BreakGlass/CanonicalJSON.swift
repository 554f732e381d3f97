import Foundation

/// The one encoding the audit hash chain is computed over: a JSON object with its keys in
/// byte order, no whitespace, strings escaped only where JSON requires it and integers in
/// decimal. Written by hand so a Foundation update can never change a hash.
public enum CanonicalJSON {
    /// A value the audit log stores: text or a whole number. Nothing else is allowed, so
    /// a float, a boolean or a nested object in a line marks it as not written by OpsDeck.
    public enum Value: Sendable, Hashable, Decodable {
        case string(String)
        case integer(Int)

        /// Decodes a string or an integer, and fails on anything else.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .integer(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// The canonical text of an object.
    public static func encode(_ object: [String: Value]) -> String {
        var text = "{"
        for (index, key) in object.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) })
            .enumerated()
        {
            if index > 0 { text += "," }
            text += quoted(key)
            text += ":"
            switch object[key] {
            case .string(let string): text += quoted(string)
            case .integer(let number): text += String(number)
            case nil: text += "null"
            }
        }
        return text + "}"
    }

    /// Decodes one line into an object of strings and integers.
    /// - Throws: `DecodingError` when the line is not such an object.
    public static func decode(_ line: Data) throws -> [String: Value] {
        try JSONDecoder().decode([String: Value].self, from: line)
    }

    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
