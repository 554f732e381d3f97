import Foundation
import OpsDeckCore

/// The `incidents.timeline` column: a JSON array of timeline entries.
///
/// Most incidents have none (`[]`), which is read without a decoder: a snapshot reads
/// every incident.
enum IncidentTimelineCoding {
    static func encode(_ timeline: [IncidentTimelineEntry]) -> String {
        if timeline.isEmpty { return JSONText.emptyArray }
        guard let data = try? encoder.encode(timeline) else { return JSONText.emptyArray }
        return String(decoding: data, as: UTF8.self)
    }

    /// Unreadable text decodes as no entries rather than failing the snapshot.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [IncidentTimelineEntry] {
        if bytes.count <= 2 { return [] }
        return (try? decoder.decode([IncidentTimelineEntry].self, from: Data(buffer: bytes))) ?? []
    }

    static func decode(_ text: String) -> [IncidentTimelineEntry] {
        if text.utf8.count <= 2 { return [] }
        return (try? decoder.decode([IncidentTimelineEntry].self, from: Data(text.utf8))) ?? []
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    // Dates stay `Date`'s own encoding (seconds since 2001), which reads back exactly.
    private static var decoder: JSONDecoder { JSONDecoder() }
}
