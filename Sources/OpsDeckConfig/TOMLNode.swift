import Foundation
import TOMLKit

/// A parsed TOML value as plain Sendable data.
///
/// TOMLKit hands out classes over C++ pointers; copying the document into this tree right
/// after parsing keeps TOMLKit in this one file and lets the rest of the module be pure.
enum TOMLNode: Sendable, Hashable {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time; nothing in OpsDeck's files takes one, so only its
    /// TOML type name is kept for error messages.
    case other(typeName: String)

    /// Parses a whole TOML document.
    /// - Throws: `TOMLSyntaxError` with the line and column toml++ reports.
    static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: TOMLNode] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(
                message: Self.cleanedMessage(error.description),
                line: max(1, error.source.begin.line),
                column: error.source.begin.column > 0 ? error.source.begin.column : nil
            )
        } catch {
            throw TOMLSyntaxError(message: "could not parse the file", line: 1, column: nil)
        }
        return Self.convert(table)
    }

    /// The type name used in "expected X, found Y" messages.
    var typeName: String {
        switch self {
        case .table: "table"
        case .array: "array"
        case .string: "string"
        case .integer: "integer"
        case .float: "floating-point number"
        case .boolean: "boolean"
        case .other(let name): name
        }
    }

    /// The type name with its article: "an integer", "a string".
    var typeDescription: String {
        let name = typeName
        return ("aeiou".contains(name.first ?? "x") ? "an " : "a ") + name
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var tableValue: [String: TOMLNode]? {
        if case .table(let value) = self { return value }
        return nil
    }

    var arrayValue: [TOMLNode]? {
        if case .array(let value) = self { return value }
        return nil
    }

    private static func convert(_ table: TOMLTable) -> [String: TOMLNode] {
        var result: [String: TOMLNode] = [:]
        for key in table.keys {
            if let value = table[key] { result[key] = convert(value) }
        }
        return result
    }

    private static func convert(_ value: any TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table: return .table(value.table.map(convert) ?? [:])
        case .array: return .array(value.array.map { $0.map(convert) } ?? [])
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .date, .time, .dateTime: return .other(typeName: value.type.description)
        }
    }

    /// toml++ says "Error while parsing key-value pair: cannot redefine ..."; the prefix
    /// is noise next to our own "syntax error" label.
    private static func cleanedMessage(_ message: String) -> String {
        let prefix = "Error while parsing "
        guard message.hasPrefix(prefix), let colon = message.firstIndex(of: ":") else { return message }
        let what = message[message.index(message.startIndex, offsetBy: prefix.count)..<colon]
        let detail = message[message.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return "\(detail) (in \(what))"
    }
}
