import Foundation
import OpsDeckCore

/// The `incidents.timeline` column: a JSON array of timeline entries.
///
/// Most incidents have none (`[]`), which is read without a decoder: a snapshot reads
/// every incident. Webhook ingest reads and rewrites an incident's timeline for every
/// event, so the shape written here (`{"agent":..,"eventId":..,"eventType":..,
/// "occurredAt":<seconds since 2001>,"text":..}`, keys sorted as `JSONEncoder` sorts them)
/// is written and read in one pass; anything else falls back to Foundation.
enum IncidentTimelineCoding {
    static func encode(_ timeline: [IncidentTimelineEntry]) -> String {
        if timeline.isEmpty { return JSONText.emptyArray }
        var out = "["
        out.reserveCapacity(timeline.count * 160)
        for (index, entry) in timeline.enumerated() {
            let seconds = entry.occurredAt.timeIntervalSinceReferenceDate
            guard seconds.isFinite else { return foundationEncode(timeline) }
            if index > 0 { out.append(",") }
            out.append("{")
            if let agent = entry.agent {
                out.append("\"agent\":")
                appendQuoted(agent, to: &out)
                out.append(",")
            }
            out.append("\"eventId\":")
            appendQuoted(entry.eventId, to: &out)
            out.append(",\"eventType\":")
            appendQuoted(entry.eventType, to: &out)
            // `description` is the shortest text that reads back as exactly this Double.
            out.append(",\"occurredAt\":\(seconds.description),\"text\":")
            appendQuoted(entry.text, to: &out)
            out.append("}")
        }
        out.append("]")
        return out
    }

    /// Unreadable text decodes as no entries rather than failing the snapshot.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [IncidentTimelineEntry] {
        if bytes.count <= 2 { return [] }
        var parser = TimelineParser(bytes: bytes)
        if let entries = parser.parse() { return entries }
        return (try? decoder.decode([IncidentTimelineEntry].self, from: Data(buffer: bytes))) ?? []
    }

    static func decode(_ text: String) -> [IncidentTimelineEntry] {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    private static func foundationEncode(_ timeline: [IncidentTimelineEntry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(timeline) else { return JSONText.emptyArray }
        return String(decoding: data, as: UTF8.self)
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

    // Dates stay `Date`'s own encoding (seconds since 2001), which reads back exactly.
    private static var decoder: JSONDecoder { JSONDecoder() }
}

/// Reads the array `IncidentTimelineCoding.encode` writes (and `JSONEncoder` with sorted
/// keys wrote before it); nil on anything else, so the caller falls back to Foundation.
private struct TimelineParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parse() -> [IncidentTimelineEntry]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var entries: [IncidentTimelineEntry] = []
        if take(UInt8(ascii: "]")) { return index == bytes.count ? entries : nil }
        while true {
            guard let entry = parseEntry() else { return nil }
            entries.append(entry)
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")), index == bytes.count else { return nil }
            return entries
        }
    }

    private mutating func parseEntry() -> IncidentTimelineEntry? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var agent: String?
        var eventId: String?
        var eventType: String?
        var occurredAt: Double?
        var text: String?
        repeat {
            guard let key = parseString(), take(UInt8(ascii: ":")) else { return nil }
            if key == "occurredAt" {
                guard let number = parseNumber() else { return nil }
                occurredAt = number
                continue
            }
            guard let value = parseString() else { return nil }
            switch key {
            case "agent": agent = value
            case "eventId": eventId = value
            case "eventType": eventType = value
            case "text": text = value
            default: return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let eventId, let eventType, let occurredAt, let text else {
            return nil
        }
        return IncidentTimelineEntry(
            eventId: eventId, eventType: eventType,
            occurredAt: Date(timeIntervalSinceReferenceDate: occurredAt),
            agent: agent, text: text)
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func parseNumber() -> Double? {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                return Double(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            }
        }
        return nil
    }

    /// A string without escapes is one slice; escapes other than `\uXXXX` outside the
    /// surrogate range are left to Foundation.
    private mutating func parseString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var start = index
        var out = ""
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return out
            }
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard index + 1 < bytes.count else { return nil }
            switch bytes[index + 1] {
            case UInt8(ascii: "\""): out.append("\"")
            case UInt8(ascii: "\\"): out.append("\\")
            case UInt8(ascii: "/"): out.append("/")
            case UInt8(ascii: "n"): out.append("\n")
            case UInt8(ascii: "r"): out.append("\r")
            case UInt8(ascii: "t"): out.append("\t")
            case UInt8(ascii: "b"): out.append("\u{08}")
            case UInt8(ascii: "f"): out.append("\u{0C}")
            case UInt8(ascii: "u"):
                guard index + 6 <= bytes.count,
                    let value = UInt32(
                        String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<(index + 6)]),
                            as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(value)
                else { return nil }
                out.unicodeScalars.append(scalar)
                index += 4
            default: return nil
            }
            index += 2
            start = index
        }
        return nil
    }
}
