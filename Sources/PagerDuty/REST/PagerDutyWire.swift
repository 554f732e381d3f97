import Foundation
import OpsDeckCore

/// PagerDuty REST v2 JSON as it comes over the wire; only the fields OpsDeck reads.
enum PagerDutyWire {
    struct Reference: Decodable, Sendable {
        var id: String?
        var summary: String?
        var name: String?
        var email: String?
    }

    struct Assignment: Decodable, Sendable {
        var assignee: Reference?
    }

    struct Channel: Decodable, Sendable {
        var type: String?
        var summary: String?
        var details: JSONValueLite?
        var cefDetails: JSONValueLite?

        enum CodingKeys: String, CodingKey {
            case type, summary, details
            case cefDetails = "cef_details"
        }
    }

    struct LogEntry: Decodable, Sendable {
        var id: String
        var type: String
        var createdAt: String
        var incident: Reference?
        var channel: Channel?
        var agent: Reference?

        enum CodingKeys: String, CodingKey {
            case id, type, incident, channel, agent
            case createdAt = "created_at"
        }
    }

    struct Incident: Decodable, Sendable {
        var id: String
        var incidentNumber: Int
        var title: String?
        var summary: String?
        var status: String
        var urgency: String?
        var priority: Reference?
        var service: Reference?
        var assignments: [Assignment]?
        var escalationPolicy: Reference?
        var createdAt: String
        var updatedAt: String?
        var lastStatusChangeAt: String?
        var lastStatusChangeBy: Reference?
        var incidentKey: String?
        var htmlURL: String?
        var firstTriggerLogEntry: LogEntry?

        enum CodingKeys: String, CodingKey {
            case id, title, summary, status, urgency, priority, service, assignments
            case incidentNumber = "incident_number"
            case escalationPolicy = "escalation_policy"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case lastStatusChangeAt = "last_status_change_at"
            case lastStatusChangeBy = "last_status_change_by"
            case incidentKey = "incident_key"
            case htmlURL = "html_url"
            case firstTriggerLogEntry = "first_trigger_log_entry"
        }
    }

    struct IncidentList: Decodable, Sendable {
        var incidents: [Incident]
        var limit: Int?
        var offset: Int?
        var more: Bool?
        var total: Int?
    }

    struct IncidentEnvelope: Decodable, Sendable {
        var incident: Incident
    }

    struct LogEntryList: Decodable, Sendable {
        var logEntries: [LogEntry]
        var more: Bool?
        var total: Int?

        enum CodingKeys: String, CodingKey {
            case more, total
            case logEntries = "log_entries"
        }
    }

    struct OnCallEntry: Decodable, Sendable {
        var user: Reference?
        var escalationPolicy: Reference?
        var escalationLevel: Int?
        var schedule: Reference?
        var end: String?

        enum CodingKeys: String, CodingKey {
            case user, schedule, end
            case escalationPolicy = "escalation_policy"
            case escalationLevel = "escalation_level"
        }
    }

    struct OnCallList: Decodable, Sendable {
        var oncalls: [OnCallEntry]
        var more: Bool?
    }

    struct ErrorBody: Decodable, Sendable {
        struct Detail: Decodable, Sendable {
            var message: String?
            var code: Int?
            var errors: [String]?
        }
        var error: Detail?
    }
}
