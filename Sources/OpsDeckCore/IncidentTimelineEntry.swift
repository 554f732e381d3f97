import Foundation

/// One line of an incident's history: a note, a status update, a responder, a state change,
/// or an event OpsDeck does not know (kept with its raw type).
public struct IncidentTimelineEntry: Sendable, Hashable, Codable {
    /// The PagerDuty event id it came from.
    public var eventId: String
    /// The raw `event_type`, e.g. `incident.annotated`.
    public var eventType: String
    public var occurredAt: Date
    public var agent: String?
    /// What to show: the note or message, or what changed.
    public var text: String

    public init(eventId: String, eventType: String, occurredAt: Date, agent: String? = nil, text: String) {
        self.eventId = eventId
        self.eventType = eventType
        self.occurredAt = occurredAt
        self.agent = agent
        self.text = text
    }

    /// The known event type, or nil for one OpsDeck does not know.
    public var kind: IncidentEvent.Kind? { IncidentEvent.Kind(rawValue: eventType) }
}
