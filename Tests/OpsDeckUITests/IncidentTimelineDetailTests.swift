import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckUI

@Suite struct IncidentTimelineDetailTests {
    @Test func listsTheTimelineOldestFirstAndMarksNotes() {
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let incident = Incident(
            id: "P1", number: 1, title: "Disk full", status: .acknowledged, urgency: .high,
            serviceName: "API",
            createdAt: at, updatedAt: at,
            timeline: [
                IncidentTimelineEntry(
                    eventId: "e1", eventType: "incident.triggered", occurredAt: at, text: "Triggered"),
                IncidentTimelineEntry(
                    eventId: "e2", eventType: "incident.annotated", occurredAt: at + 65, agent: "Grace",
                    text: "Restarted"),
                IncidentTimelineEntry(
                    eventId: "e3", eventType: "incident.workflow.started", occurredAt: at + 70,
                    text: "incident.workflow.started (an event type OpsDeck does not know; kept as received)"),
            ])
        let lines = AlertsPresenter.incidentTimelineLines(incident)
        #expect(
            lines.map(\.0) == [
                "Timeline", "2026-11-18 11:06:40Z", "2026-11-18 11:07:45Z", "2026-11-18 11:07:50Z",
            ])
        #expect(lines[2].1 == "Note by Grace: Restarted")
        #expect(lines[3].1.hasPrefix("incident.workflow.started"))
        var empty = incident
        empty.timeline = []
        #expect(AlertsPresenter.incidentTimelineLines(empty).isEmpty)
    }
}
