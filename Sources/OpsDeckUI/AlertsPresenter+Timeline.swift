import Foundation
import OpsDeckCore

extension AlertsPresenter {
    /// The detail view's lines for an incident's timeline (notes, status updates,
    /// responders, state changes, and event types OpsDeck does not know, marked as such),
    /// oldest first, times in UTC. Empty when the incident has no timeline.
    public static func incidentTimelineLines(_ incident: Incident) -> [(String, String)] {
        guard !incident.timeline.isEmpty else { return [] }
        var lines: [(String, String)] = [("Timeline", "\(incident.timeline.count) event(s), oldest first")]
        for entry in incident.timeline {
            var text = entry.text
            if entry.kind == .annotated, let agent = entry.agent { text = "Note by \(agent): \(text)" }
            lines.append((timelineStamp(entry.occurredAt), text))
        }
        return lines
    }

    /// `2026-11-24 07:05:09Z`: fixed width, independent of the locale and the time zone.
    static func timelineStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }
}
