import Foundation

/// One PagerDuty v3 outbound event (`{"event": {...}}` of a webhook delivery), decoded.
///
/// Most events are about an incident (`incident.*`); `service.*` events carry a service.
/// Event types OpsDeck does not know keep their type and whatever incident they name, so
/// they are stored and shown rather than dropped.
public struct IncidentEvent: Sendable, Hashable, Codable, Identifiable {
    /// The event types OpsDeck understands; anything else is kept as its raw `eventType`.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case triggered = "incident.triggered"
        case acknowledged = "incident.acknowledged"
        case unacknowledged = "incident.unacknowledged"
        case resolved = "incident.resolved"
        case reopened = "incident.reopened"
        case escalated = "incident.escalated"
        case reassigned = "incident.reassigned"
        case delegated = "incident.delegated"
        case annotated = "incident.annotated"
        case priorityUpdated = "incident.priority_updated"
        case responderAdded = "incident.responder.added"
        case responderReplied = "incident.responder.replied"
        case statusUpdatePublished = "incident.status_update_published"
        case serviceCreated = "service.created"
        case serviceUpdated = "service.updated"
        case serviceDeleted = "service.deleted"
    }

    /// What `event.data` held, by its `type`.
    public enum Payload: Sendable, Hashable, Codable {
        /// `data.type == "incident"`: the incident's whole state after the event.
        case incident(Incident)
        /// `incident_note`: the note's text.
        case note(id: String?, content: String)
        /// `incident_status_update`: the published message.
        case statusUpdate(id: String?, message: String)
        /// `incident_responder`: who was asked, and how they answered.
        case responder(user: String?, state: String?, message: String?, escalationPolicy: String?)
        /// `service`: the service after the event.
        case service(PagerDutyService)
        /// A shape OpsDeck does not know; the raw body is kept with the event.
        case other
    }

    /// `event.id`: unique per event, the second deduplication key after `X-Webhook-Id`.
    public var id: String
    /// `event.event_type`, e.g. `incident.acknowledged`.
    public var eventType: String
    /// `event.resource_type`, e.g. `incident` or `service`.
    public var resourceType: String
    /// `event.occurred_at`: orders the events of one incident, which may arrive out of order.
    public var occurredAt: Date
    /// Who or what caused it (`event.agent.summary`), when PagerDuty says.
    public var agent: String?
    /// The incident the event is about, when it is about one.
    public var incidentId: String?
    /// The incident's title as the reference in `data.incident` summarises it.
    public var incidentSummary: String?
    /// The incident's web page, from the reference.
    public var incidentURL: String?
    public var payload: Payload

    public init(
        id: String, eventType: String, resourceType: String, occurredAt: Date, agent: String? = nil,
        incidentId: String? = nil, incidentSummary: String? = nil, incidentURL: String? = nil,
        payload: Payload = .other
    ) {
        self.id = id
        self.eventType = eventType
        self.resourceType = resourceType
        self.occurredAt = occurredAt
        self.agent = agent
        self.incidentId = incidentId
        self.incidentSummary = incidentSummary
        self.incidentURL = incidentURL
        self.payload = payload
    }

    /// The known type, or nil for one OpsDeck does not know (still stored and shown).
    public var kind: Kind? { Kind(rawValue: eventType) }

    /// Whether OpsDeck knows what this event's type means.
    public var isKnown: Bool { kind != nil }
}
