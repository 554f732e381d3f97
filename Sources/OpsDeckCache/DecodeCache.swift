import Foundation

/// The caches one snapshot read shares across tables.
struct DecodeCache {
    var strings = ByteCache<String>()
    var objects = ByteCache<[String: String]>()
    var arrays = ByteCache<[String]>()

    /// A string that repeats across rows (names, regions, paths, policies).
    mutating func string(_ row: RawRow, _ column: Int32) -> String {
        let bytes = row.bytes(column)
        // Up to 15 UTF-8 bytes live inline in a String: nothing to share, and building one
        // costs less than looking it up (measured).
        if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
        return strings.value(for: bytes) { String(decoding: $0, as: UTF8.self) }
    }

    mutating func optionalString(_ row: RawRow, _ column: Int32) -> String? {
        row.isNull(column) ? nil : string(row, column)
    }

    /// A JSON object of strings (tags).
    mutating func object(_ row: RawRow, _ column: Int32) -> [String: String] {
        let bytes = row.bytes(column)
        if bytes.count <= 2 { return [:] }
        return objects.value(for: bytes) { JSONText.decodeObject(String(decoding: $0, as: UTF8.self)) }
    }

    /// A JSON array of strings (actions, assignees).
    mutating func array(_ row: RawRow, _ column: Int32) -> [String] {
        let bytes = row.bytes(column)
        if bytes.count <= 2 { return [] }
        return arrays.value(for: bytes) { JSONText.decodeArray(String(decoding: $0, as: UTF8.self)) }
    }
}
