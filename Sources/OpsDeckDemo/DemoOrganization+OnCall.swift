import Foundation
import OpsDeckCore

/// The demo's PagerDuty side beyond incidents: who is on call, and actions waiting for
/// PagerDuty, so the demo shows the header's on-call names and a pending and a conflicted row.
extension DemoOrganization {
    /// Who is on call at `now`: the first two levels of three escalation policies.
    public static func onCalls(now: Date) -> [OnCall] {
        let handover = now.addingTimeInterval(5 * 3600 + 17 * 60)
        return [
            OnCall(
                userName: "Priya Raman", userId: "PDEMO01", escalationPolicy: "Payments", escalationLevel: 1,
                scheduleName: "Payments primary", end: handover),
            OnCall(
                userName: "Marcus Chen", userId: "PDEMO02", escalationPolicy: "Payments", escalationLevel: 2,
                scheduleName: "Payments secondary", end: handover),
            OnCall(
                userName: "Lena Vogel", userId: "PDEMO03", escalationPolicy: "Checkout", escalationLevel: 1,
                scheduleName: "Checkout primary", end: now.addingTimeInterval(26 * 3600)),
            OnCall(
                userName: "Grace Okafor", userId: "PDEMO04", escalationPolicy: "Platform", escalationLevel: 1,
                scheduleName: "Platform follow-the-sun", end: now.addingTimeInterval(2 * 3600 + 40 * 60)),
            OnCall(
                userName: "Omar Haddad", userId: "PDEMO05", escalationPolicy: "Platform", escalationLevel: 2),
        ]
    }

    /// Actions waiting for PagerDuty in the demo, oldest first: an acknowledge still pending
    /// (PagerDuty "unreachable") on the newest triggered incident, and an acknowledge that
    /// lost to somebody else on the most recently acknowledged one.
    public static func incidentActions(for incidents: [Incident], now: Date) -> [QueuedIncidentAction] {
        var actions: [QueuedIncidentAction] = []
        let recent = incidents.sorted { ($0.updatedAt, $0.id) > ($1.updatedAt, $1.id) }
        if let acknowledged = recent.first(where: { $0.status == .acknowledged }) {
            actions.append(
                QueuedIncidentAction(
                    id: "demo-conflict",
                    action: IncidentAction(incidentId: acknowledged.id, kind: .acknowledge),
                    state: .conflict, enqueuedAt: now.addingTimeInterval(-150), attempts: 1,
                    lastAttemptAt: now.addingTimeInterval(-149),
                    message: "already acknowledged by \(acknowledged.assignees.first ?? "Kofi Mensah")"))
        }
        if let triggered = recent.first(where: { $0.status == .triggered }) {
            actions.append(
                QueuedIncidentAction(
                    id: "demo-pending", action: IncidentAction(incidentId: triggered.id, kind: .acknowledge),
                    enqueuedAt: now.addingTimeInterval(-40), attempts: 2,
                    lastAttemptAt: now.addingTimeInterval(-10),
                    message: "PagerDuty (api.pagerduty.com) cannot be reached: connection timed out; "
                        + "actions stay queued and are sent when it is back"))
        }
        return actions
    }
}
