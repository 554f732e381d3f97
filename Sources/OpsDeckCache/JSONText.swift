import Foundation

/// JSON text for the tag and list columns.
///
/// Tags are read for every one of tens of thousands of rows when a snapshot is taken, and
/// `JSONDecoder` costs microseconds a row; this handles the flat shapes the cache writes
/// itself in one pass, and falls back to Foundation for anything else.
enum JSONText {
    static let emptyObject = "{}"
    static let emptyArray = "[]"

    /// `{"key":"value",...}` with the keys sorted, so equal dictionaries store equal text.
    static func encode(_ dictionary: [String: String]) -> String {
        if dictionary.isEmpty { return emptyObject }
        var out = "{"
        for (index, key) in dictionary.keys.sorted().enumerated() {
            if index > 0 { out.append(",") }
            appendQuoted(key, to: &out)
            out.append(":")
            appendQuoted(dictionary[key] ?? "", to: &out)
        }
        out.append("}")
        return out
    }

    /// `["a","b"]`.
    static func encode(_ list: [String]) -> String {
        if list.isEmpty { return emptyArray }
        var out = "["
        for (index, item) in list.enumerated() {
            if index > 0 { out.append(",") }
            appendQuoted(item, to: &out)
        }
        out.append("]")
        return out
    }

    /// Decodes an object of strings; an unreadable value decodes as empty rather than
    /// failing the whole snapshot for one bad tag.
    static func decodeObject(_ text: String) -> [String: String] {
        if text == emptyObject || text.isEmpty { return [:] }
        var text = text
        let fast = text.withUTF8 { bytes in
            var parser = FlatParser(bytes: bytes)
            return parser.object()
        }
        if let fast { return fast }
        guard let data = text.data(using: .utf8),
            let decoded = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return decoded
    }

    /// Decodes an array of strings; unreadable text decodes as empty.
    static func decodeArray(_ text: String) -> [String] {
        if text == emptyArray || text.isEmpty { return [] }
        var text = text
        let fast = text.withUTF8 { bytes in
            var parser = FlatParser(bytes: bytes)
            return parser.array()
        }
        if let fast { return fast }
        guard let data = text.data(using: .utf8),
            let decoded = try? JSONDecoder().decode([String].self, from: data)
        else { return [] }
        return decoded
    }

    private static func appendQuoted(_ string: String, to out: inout String) {
        out.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}

/// A parser for the two flat shapes `encode` writes; returns nil (so the caller falls back)
/// on escapes, whitespace or anything it was not written for.
private struct FlatParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func object() -> [String: String]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var result: [String: String] = [:]
        if take(UInt8(ascii: "}")) { return atEnd ? result : nil }
        while true {
            guard let key = string(), take(UInt8(ascii: ":")), let value = string() else { return nil }
            result[key] = value
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            return atEnd ? result : nil
        }
    }

    mutating func array() -> [String]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var result: [String] = []
        if take(UInt8(ascii: "]")) { return atEnd ? result : nil }
        while true {
            guard let value = string() else { return nil }
            result.append(value)
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")) else { return nil }
            return atEnd ? result : nil
        }
    }

    private var atEnd: Bool { index == bytes.count }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A string without escapes; an escape sends the caller to the full decoder.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { return nil }
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return String(decoding: slice, as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}
