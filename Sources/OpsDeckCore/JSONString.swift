import Foundation

/// JSON string literals, written by hand where a document is built as text (exports,
/// canonical policies) rather than through an encoder.
public enum JSONString {
    /// Appends `value` as a quoted JSON string.
    public static func write(_ value: String, into out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `value` as a quoted JSON string.
    public static func quote(_ value: String) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }
}
