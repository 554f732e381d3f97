import Foundation
import OpsDeckCore

/// Decodes a PagerDuty v3 webhook body (`{"event": {...}}`) into an `IncidentEvent`.
///
/// Lenient where PagerDuty may grow (unknown event types and data shapes are kept as
/// `.other` with the incident they name), strict where OpsDeck cannot work without a
/// field (`event.id`, `event.event_type`, `event.occurred_at`).
public enum WebhookEventDecoder {
    /// - Throws: `WebhookDecodingError`.
    public static func decode(_ body: Data) throws(WebhookDecodingError) -> IncidentEvent {
        let envelope: WireEnvelope
        do {
            envelope = try JSONDecoder().decode(WireEnvelope.self, from: body)
        } catch {
            throw .notJSON
        }
        guard let event = envelope.event else { throw .missingField("event") }
        guard let id = event.id, !id.isEmpty else { throw .missingField("event.id") }
        guard let type = event.eventType, !type.isEmpty else { throw .missingField("event.event_type") }
        guard let occurredText = event.occurredAt else { throw .missingField("event.occurred_at") }
        guard let occurredAt = parseDate(occurredText) else { throw .badDate(occurredText) }
        let data = event.data
        var result = IncidentEvent(
            id: id, eventType: type,
            resourceType: event.resourceType ?? type.prefix { $0 != "." }.description,
            occurredAt: occurredAt, agent: event.agent?.summary ?? event.agent?.name,
            incidentId: data?.incident?.id, incidentSummary: data?.incident?.summary,
            incidentURL: data?.incident?.htmlURL)
        guard let data else { return result }
        switch data.type {
        case "incident":
            guard let incidentId = data.id else { throw .missingField("event.data.id") }
            result.incidentId = incidentId
            result.incidentSummary = data.title ?? data.summary
            result.incidentURL = data.htmlURL
            result.payload = .incident(incident(data, id: incidentId, type: type, occurredAt: occurredAt))
        case "incident_note":
            result.payload = .note(id: data.id, content: data.content ?? "")
        case "incident_status_update":
            result.payload = .statusUpdate(id: data.id, message: data.message ?? "")
        case "incident_responder":
            result.payload = .responder(
                user: data.user?.summary, state: data.state, message: data.message,
                escalationPolicy: data.escalationPolicy?.summary)
        case "service":
            guard let serviceId = data.id else { throw .missingField("event.data.id") }
            result.payload = .service(
                PagerDutyService(
                    id: serviceId, name: data.summary ?? data.name ?? "", htmlURL: data.htmlURL,
                    status: data.status, teams: (data.teams ?? []).compactMap(\.summary)))
        default:
            // Unknown shape: keep the incident it names, if any, and the type; the raw body is stored.
            if result.incidentId == nil, event.resourceType == "incident" { result.incidentId = data.id }
        }
        return result
    }

    private static func incident(_ data: WireData, id: String, type: String, occurredAt: Date) -> Incident {
        let fallbackStatus: Incident.Status =
            switch IncidentEvent.Kind(rawValue: type) {
            case .acknowledged: .acknowledged
            case .resolved: .resolved
            default: .triggered
            }
        return Incident(
            id: id, number: data.number ?? 0, title: data.title ?? data.summary ?? id,
            status: data.status.flatMap(Incident.Status.init(rawValue:)) ?? fallbackStatus,
            urgency: data.urgency.flatMap(Incident.Urgency.init(rawValue:)) ?? .high,
            priority: data.priority?.summary, serviceName: data.service?.summary ?? "",
            assignees: (data.assignees ?? []).compactMap { $0.summary ?? $0.id },
            escalationPolicy: data.escalationPolicy?.summary,
            createdAt: data.createdAt.flatMap(parseDate) ?? occurredAt, updatedAt: occurredAt,
            incidentKey: data.incidentKey, htmlURL: data.htmlURL, serviceId: data.service?.id,
            lastEventAt: occurredAt)
    }

    /// ISO 8601 with or without fractional seconds, as PagerDuty writes both.
    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }
}

/// The parts of the v3 wire format OpsDeck reads. Every field is optional and decoded
/// leniently (a field of an unexpected type reads as absent), so a new PagerDuty shape
/// never makes a delivery unreadable.
struct WireEnvelope: Decodable {
    var event: WireEvent?

    enum CodingKeys: String, CodingKey { case event }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        event = try container.decodeIfPresent(WireEvent.self, forKey: .event)
    }
}

struct WireEvent: Decodable {
    var id: String?
    var eventType: String?
    var resourceType: String?
    var occurredAt: String?
    var agent: WireReference?
    var data: WireData?

    enum CodingKeys: String, CodingKey {
        case id
        case eventType = "event_type"
        case resourceType = "resource_type"
        case occurredAt = "occurred_at"
        case agent
        case data
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = container.lenient(String.self, .id)
        eventType = container.lenient(String.self, .eventType)
        resourceType = container.lenient(String.self, .resourceType)
        occurredAt = container.lenient(String.self, .occurredAt)
        agent = container.lenient(WireReference.self, .agent)
        data = container.lenient(WireData.self, .data)
    }
}

struct WireReference: Decodable {
    var id: String?
    var summary: String?
    var name: String?
    var htmlURL: String?

    enum CodingKeys: String, CodingKey {
        case id
        case summary
        case name
        case htmlURL = "html_url"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = container.lenient(String.self, .id)
        summary = container.lenient(String.self, .summary)
        name = container.lenient(String.self, .name)
        htmlURL = container.lenient(String.self, .htmlURL)
    }
}

struct WireData: Decodable {
    var type: String?
    var id: String?
    var number: Int?
    var status: String?
    var title: String?
    var summary: String?
    var name: String?
    var createdAt: String?
    var htmlURL: String?
    var incidentKey: String?
    var urgency: String?
    var service: WireReference?
    var assignees: [WireReference]?
    var escalationPolicy: WireReference?
    var priority: WireReference?
    var teams: [WireReference]?
    var incident: WireReference?
    var user: WireReference?
    var content: String?
    var message: String?
    var state: String?

    enum CodingKeys: String, CodingKey {
        case type, id, number, status, title, summary, name
        case createdAt = "created_at"
        case htmlURL = "html_url"
        case incidentKey = "incident_key"
        case urgency, service, assignees
        case escalationPolicy = "escalation_policy"
        case priority, teams, incident, user, content, message, state
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = c.lenient(String.self, .type)
        id = c.lenient(String.self, .id)
        number = c.lenient(Int.self, .number)
        status = c.lenient(String.self, .status)
        title = c.lenient(String.self, .title)
        summary = c.lenient(String.self, .summary)
        name = c.lenient(String.self, .name)
        createdAt = c.lenient(String.self, .createdAt)
        htmlURL = c.lenient(String.self, .htmlURL)
        incidentKey = c.lenient(String.self, .incidentKey)
        urgency = c.lenient(String.self, .urgency)
        service = c.lenient(WireReference.self, .service)
        assignees = c.lenient([WireReference].self, .assignees)
        escalationPolicy = c.lenient(WireReference.self, .escalationPolicy)
        priority = c.lenient(WireReference.self, .priority)
        teams = c.lenient([WireReference].self, .teams)
        incident = c.lenient(WireReference.self, .incident)
        user = c.lenient(WireReference.self, .user)
        content = c.lenient(String.self, .content)
        message = c.lenient(String.self, .message)
        state = c.lenient(String.self, .state)
    }
}

extension KeyedDecodingContainer {
    /// The value, or nil when it is absent, null or of another type.
    fileprivate func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}
