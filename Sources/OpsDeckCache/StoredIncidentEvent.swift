import Foundation
import GRDB

/// A row of `incident_events`: one webhook event as it was received and understood.
public struct StoredIncidentEvent: Sendable, Hashable, Codable, FetchableRecord {
    public var eventId: String
    public var eventType: String
    public var resourceType: String
    public var incidentId: String?
    public var occurredAt: Date
    public var agent: String?
    /// The timeline line OpsDeck made of it.
    public var summary: String
    /// False for an event type OpsDeck did not know when it was received.
    public var known: Bool
    public var webhookId: String?
    public var receivedAt: Date
    /// The request body exactly as received.
    public var raw: String

    enum CodingKeys: String, CodingKey {
        case eventId = "event_id"
        case eventType = "event_type"
        case resourceType = "resource_type"
        case incidentId = "incident_id"
        case occurredAt = "occurred_at"
        case agent
        case summary
        case known
        case webhookId = "webhook_id"
        case receivedAt = "received_at"
        case raw
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSinceReferenceDate
    }
}
