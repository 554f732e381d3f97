import Foundation
import PagerDuty

/// Webhook bodies in PagerDuty's v3 shape, and their signatures computed by the documented
/// algorithm (hex HMAC-SHA256 of the raw body, `v1=` entries joined by commas).
enum Deliveries {
    static let secret = "test-secret-current"
    static let oldSecret = "test-secret-old"

    static func incident(
        eventId: String, type: String = "incident.triggered", incidentId: String = "PINC1",
        status: String = "triggered", occurredAt: String = "2026-11-24T07:00:00.000Z",
        assignee: String = "Ada", priority: String? = nil
    ) -> Data {
        let priorityJSON =
            priority.map { #","priority":{"id":"PP","summary":"\#($0)","type":"priority_reference"}"# } ?? ""
        let json = """
            {"event":{"id":"\(eventId)","event_type":"\(type)","resource_type":"incident",\
            "occurred_at":"\(occurredAt)","agent":{"id":"PU1","summary":"Grace","type":"user_reference"},\
            "client":{"name":"PagerDuty"},"data":{"id":"\(incidentId)","type":"incident","number":42,\
            "status":"\(status)","title":"Disk full on db-1","created_at":"2026-11-24T06:59:00Z",\
            "html_url":"https://acme.pagerduty.com/incidents/\(incidentId)",\
            "service":{"id":"PSVC1","summary":"Payments API","type":"service_reference"},\
            "assignees":[{"id":"PU2","summary":"\(assignee)","type":"user_reference"}],\
            "escalation_policy":{"id":"PEP1","summary":"Payments on-call","type":"escalation_policy_reference"},\
            "urgency":"high"\(priorityJSON)}}}
            """
        return Data(json.utf8)
    }

    static func note(eventId: String, incidentId: String = "PINC1", content: String) -> Data {
        Data(
            """
            {"event":{"id":"\(eventId)","event_type":"incident.annotated","resource_type":"incident",\
            "occurred_at":"2026-11-24T07:05:00Z","agent":{"summary":"Grace"},"data":{"incident":{"id":"\(incidentId)",\
            "summary":"Disk full on db-1","type":"incident_reference"},"id":"PN1","content":"\(content)",\
            "trimmed":false,"type":"incident_note"}}}
            """.utf8)
    }

    static func unknown(eventId: String, incidentId: String = "PINC1") -> Data {
        Data(
            """
            {"event":{"id":"\(eventId)","event_type":"incident.workflow.started","resource_type":"incident",\
            "occurred_at":"2026-11-24T07:06:00Z","agent":null,"data":{"incident":{"id":"\(incidentId)",\
            "type":"incident_reference"},"workflow":{"id":"W1"},"type":"incident_workflow_instance"}}}
            """.utf8)
    }

    static func signature(_ body: Data, secrets: [String] = [secret]) -> String {
        WebhookSignature.header(body: body, secrets: secrets)
    }

    static func headers(_ body: Data, webhookId: String, secrets: [String] = [secret]) -> [(String, String)] {
        [("X-PagerDuty-Signature", signature(body, secrets: secrets)), ("X-Webhook-Id", webhookId)]
    }
}
