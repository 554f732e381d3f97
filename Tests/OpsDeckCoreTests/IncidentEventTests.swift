import Foundation
import OpsDeckCore
import Testing

/// The incident state machine: events applied in any order end in the newest state.
@Suite struct IncidentEventTests {
    static let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)

    static func state(_ status: Incident.Status, assignees: [String] = ["Ada"], priority: String? = nil)
        -> Incident
    {
        Incident(
            id: "PINC1", number: 7, title: "Disk full", status: status, urgency: .high, priority: priority,
            serviceName: "Payments", assignees: assignees, escalationPolicy: "Payments on-call",
            createdAt: t0,
            updatedAt: t0, serviceId: "PSVC1")
    }

    static func event(
        _ id: String, _ kind: IncidentEvent.Kind, at seconds: TimeInterval, payload: IncidentEvent.Payload
    ) -> IncidentEvent {
        IncidentEvent(
            id: id, eventType: kind.rawValue, resourceType: "incident", occurredAt: t0 + seconds,
            agent: "Grace",
            incidentId: "PINC1", incidentSummary: "Disk full", payload: payload)
    }

    static let triggered = event("e1", .triggered, at: 0, payload: .incident(state(.triggered)))
    static let acknowledged = event("e2", .acknowledged, at: 60, payload: .incident(state(.acknowledged)))
    static let reassigned = event(
        "e3", .reassigned, at: 90, payload: .incident(state(.acknowledged, assignees: ["Linus"])))
    static let resolved = event("e4", .resolved, at: 120, payload: .incident(state(.resolved, assignees: [])))
    static let note = event("e5", .annotated, at: 30, payload: .note(id: "N1", content: "Looking"))

    static func fold(_ events: [IncidentEvent]) -> Incident? {
        events.reduce(nil) { Incident.applying($1, to: $0) }
    }

    @Test func appliesEventsInOrder() throws {
        let incident = try #require(Self.fold([Self.triggered, Self.acknowledged, Self.reassigned]))
        #expect(incident.status == .acknowledged)
        #expect(incident.assignees == ["Linus"])
        #expect(incident.lastEventAt == Self.t0 + 90)
        #expect(incident.timeline.map(\.eventId) == ["e1", "e2", "e3"])
    }

    @Test(arguments: [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [3, 0, 4, 2, 1], [1, 3, 0, 4, 2]])
    func anyOrderEndsInTheNewestState(_ order: [Int]) throws {
        let events = [Self.triggered, Self.acknowledged, Self.reassigned, Self.resolved, Self.note]
        let incident = try #require(Self.fold(order.map { events[$0] }))
        #expect(incident.status == .resolved)
        #expect(incident.assignees == [])
        #expect(incident.lastEventAt == Self.t0 + 120)
        #expect(incident.number == 7)
        #expect(incident.serviceName == "Payments")
        // The timeline is in time order whatever order the events came in.
        #expect(incident.timeline.map(\.eventId) == ["e1", "e5", "e2", "e3", "e4"])
        #expect(incident.notes.map(\.text) == ["Looking"])
    }

    @Test func anOlderEventNeverRollsBack() throws {
        let resolved = try #require(Incident.applying(Self.resolved, to: nil))
        let late = try #require(Incident.applying(Self.acknowledged, to: resolved))
        #expect(late.status == .resolved)
        #expect(late.lastEventAt == Self.t0 + 120)
        #expect(late.timeline.count == 2)
    }

    @Test func theSameEventTwiceChangesNothing() throws {
        let once = try #require(Self.fold([Self.triggered, Self.note]))
        let twice = try #require(Self.fold([Self.triggered, Self.note, Self.note, Self.triggered]))
        #expect(once == twice)
    }

    @Test func aNoteFirstMakesAPlaceholderTheIncidentThenFills() throws {
        let placeholder = try #require(Incident.applying(Self.note, to: nil))
        #expect(placeholder.title == "Disk full")
        #expect(placeholder.lastEventAt == nil)
        // The triggered event is older than the note but the state was never set: it applies.
        let filled = try #require(Incident.applying(Self.triggered, to: placeholder))
        #expect(filled.number == 7)
        #expect(filled.status == .triggered)
        #expect(filled.serviceName == "Payments")
        #expect(filled.createdAt == Self.t0)
        #expect(filled.timeline.map(\.eventId) == ["e1", "e5"])
    }

    @Test func unknownTypesAreKeptInTheTimeline() throws {
        let unknown = IncidentEvent(
            id: "e9", eventType: "incident.workflow.started", resourceType: "incident",
            occurredAt: Self.t0 + 10,
            incidentId: "PINC1")
        let incident = try #require(Self.fold([Self.triggered, unknown]))
        #expect(incident.status == .triggered)
        #expect(incident.timeline.last?.eventType == "incident.workflow.started")
        #expect(incident.timeline.last?.kind == nil)
    }

    @Test func theTimelineIsBounded() throws {
        var incident = Incident.applying(Self.triggered, to: nil)
        for index in 0..<(Incident.timelineLimit + 20) {
            let note = Self.event(
                "n\(index)", .annotated, at: TimeInterval(index + 1),
                payload: .note(id: nil, content: "\(index)"))
            incident = Incident.applying(note, to: incident)
        }
        let result = try #require(incident)
        #expect(result.timeline.count == Incident.timelineLimit)
        #expect(result.timeline.last?.text == "\(Incident.timelineLimit + 19)")
    }

    @Test func serviceEventsKeepTheNewest() throws {
        func serviceEvent(_ kind: IncidentEvent.Kind, name: String, at seconds: TimeInterval) -> IncidentEvent
        {
            IncidentEvent(
                id: "s\(seconds)", eventType: kind.rawValue, resourceType: "service",
                occurredAt: Self.t0 + seconds,
                payload: .service(PagerDutyService(id: "PSVC1", name: name)))
        }
        let deleted = try #require(
            PagerDutyService.applying(serviceEvent(.serviceDeleted, name: "Payments", at: 20), to: nil))
        #expect(deleted.isDeleted)
        let late = try #require(
            PagerDutyService.applying(serviceEvent(.serviceUpdated, name: "Payments v2", at: 10), to: deleted)
        )
        #expect(late.isDeleted)
        #expect(late.name == "Payments")
        #expect(Incident.applying(serviceEvent(.serviceUpdated, name: "x", at: 0), to: nil) == nil)
    }
}
