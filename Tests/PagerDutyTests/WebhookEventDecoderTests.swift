import Foundation
import OpsDeckCore
import Testing

@testable import PagerDuty

@Suite struct WebhookEventDecoderTests {
    static func envelope(type: String, data: String, occurredAt: String = "2020-10-02T18:45:22.169Z") -> Data
    {
        Data(
            """
            {"event":{"id":"5ac64822","event_type":"\(type)","resource_type":"incident",\
            "occurred_at":"\(occurredAt)","agent":{"id":"PLH1HKV","summary":"Tenex Engineer",\
            "type":"user_reference"},"client":{"name":"PagerDuty"},"data":\(data)}}
            """.utf8)
    }

    static let incidentData = """
        {"id":"PGR0VU2","type":"incident","number":2,"status":"acknowledged","incident_key":"d364",\
        "created_at":"2020-04-09T15:16:27Z","title":"A little bump in the road",\
        "html_url":"https://acme.pagerduty.com/incidents/PGR0VU2",\
        "service":{"id":"PF9KMXH","summary":"API Service","type":"service_reference"},\
        "assignees":[{"id":"PTUXL6G","summary":"User 123","type":"user_reference"}],\
        "escalation_policy":{"id":"PUS0KTE","summary":"Default","type":"escalation_policy_reference"},\
        "priority":{"id":"PSO75BM","summary":"P1","type":"priority_reference"},"urgency":"low",\
        "conference_bridge":{"conference_number":"+1","conference_url":"https://example.com"},"resolve_reason":null}
        """

    @Test func decodesAnIncidentEvent() throws {
        let event = try WebhookEventDecoder.decode(
            Self.envelope(type: "incident.acknowledged", data: Self.incidentData))
        #expect(event.id == "5ac64822")
        #expect(event.kind == .acknowledged)
        #expect(event.agent == "Tenex Engineer")
        #expect(event.incidentId == "PGR0VU2")
        #expect(abs(event.occurredAt.timeIntervalSince1970 - 1_601_664_322.169) < 0.0005)
        guard case .incident(let incident) = event.payload else {
            Issue.record("expected an incident payload, got \(event.payload)")
            return
        }
        #expect(incident.number == 2)
        #expect(incident.status == .acknowledged)
        #expect(incident.urgency == .low)
        #expect(incident.priority == "P1")
        #expect(incident.serviceName == "API Service")
        #expect(incident.serviceId == "PF9KMXH")
        #expect(incident.assignees == ["User 123"])
        #expect(incident.escalationPolicy == "Default")
        #expect(incident.incidentKey == "d364")
        #expect(incident.createdAt == Date(timeIntervalSince1970: 1_586_445_387))
    }

    @Test func decodesNotesStatusUpdatesAndResponders() throws {
        let reference = #"{"id":"PGR0VU2","summary":"A little bump","type":"incident_reference"}"#
        let note = try WebhookEventDecoder.decode(
            Self.envelope(
                type: "incident.annotated",
                data:
                    #"{"incident":\#(reference),"id":"P2LA89X","content":"Glad","trimmed":false,"type":"incident_note"}"#
            ))
        #expect(note.incidentId == "PGR0VU2")
        #expect(note.incidentSummary == "A little bump")
        #expect(note.payload == .note(id: "P2LA89X", content: "Glad"))

        let update = try WebhookEventDecoder.decode(
            Self.envelope(
                type: "incident.status_update_published",
                data:
                    #"{"incident":\#(reference),"id":"P1","message":"Fix coming","type":"incident_status_update"}"#
            ))
        #expect(update.payload == .statusUpdate(id: "P1", message: "Fix coming"))

        let responder = try WebhookEventDecoder.decode(
            Self.envelope(
                type: "incident.responder.added",
                data: """
                    {"incident":\(reference),"user":{"id":"PV","summary":"Maeve"},\
                    "escalation_policy":{"id":"PJ","summary":"The Policy"},"message":"Help","state":"pending",\
                    "type":"incident_responder"}
                    """))
        #expect(
            responder.payload
                == .responder(
                    user: "Maeve", state: "pending", message: "Help", escalationPolicy: "The Policy"))
    }

    @Test func decodesAServiceEvent() throws {
        let body = Data(
            """
            {"event":{"id":"01BRB","event_type":"service.updated","resource_type":"service",\
            "occurred_at":"2021-03-02T13:35:11.682Z","agent":null,"client":null,"data":{"id":"PF9KMXH",\
            "summary":"testing service updates","html_url":"https://acme.pagerduty.com/services/PF9KMXH",\
            "alert_creation":"create_alerts_and_incidents","teams":[{"id":"PFC","summary":"Engineering"}],\
            "type":"service"}}}
            """.utf8)
        let event = try WebhookEventDecoder.decode(body)
        #expect(event.kind == .serviceUpdated)
        #expect(event.incidentId == nil)
        #expect(event.agent == nil)
        #expect(
            event.payload
                == .service(
                    PagerDutyService(
                        id: "PF9KMXH", name: "testing service updates",
                        htmlURL: "https://acme.pagerduty.com/services/PF9KMXH", teams: ["Engineering"])))
    }

    @Test func keepsAnUnknownTypeWithItsIncident() throws {
        let event = try WebhookEventDecoder.decode(
            Self.envelope(
                type: "incident.workflow.completed",
                data:
                    #"{"incident":{"id":"PGR0VU2","type":"incident_reference"},"type":"incident_workflow_instance","extra":[1,2]}"#
            ))
        #expect(event.kind == nil)
        #expect(!event.isKnown)
        #expect(event.eventType == "incident.workflow.completed")
        #expect(event.incidentId == "PGR0VU2")
        #expect(event.payload == .other)
    }

    @Test func readsDatesWithAndWithoutFractions() throws {
        let plain = try WebhookEventDecoder.decode(
            Self.envelope(
                type: "incident.triggered", data: Self.incidentData, occurredAt: "2020-10-02T18:45:22Z"))
        #expect(plain.occurredAt == Date(timeIntervalSince1970: 1_601_664_322))
    }

    @Test func refusesWhatIsNotAV3Event() {
        #expect(throws: WebhookDecodingError.notJSON) {
            try WebhookEventDecoder.decode(Data("not json".utf8))
        }
        #expect(throws: WebhookDecodingError.missingField("event")) {
            try WebhookEventDecoder.decode(Data(#"{"messages":[]}"#.utf8))
        }
        #expect(throws: WebhookDecodingError.missingField("event.id")) {
            try WebhookEventDecoder.decode(Data(#"{"event":{"event_type":"incident.triggered"}}"#.utf8))
        }
        #expect(throws: WebhookDecodingError.badDate("yesterday")) {
            try WebhookEventDecoder.decode(
                Self.envelope(type: "incident.triggered", data: Self.incidentData, occurredAt: "yesterday"))
        }
    }
}
