import Foundation
import OpsDeckCore
import TerminalKit

/// Acknowledge, resolve, snooze, note and reassign on the Alerts pane: every one asks
/// first, none runs under `--readonly`, and the result (sent, queued while PagerDuty is
/// away, or a conflict) is shown on the row and in the status bar.
extension AppState {
    /// How long `snooze` snoozes.
    public static let snoozeSeconds = 3600

    /// The incident behind the Alerts pane's selected row, if it has one.
    public var selectedIncident: Incident? {
        guard let row = pane(.alerts).selectedRow, row.id.hasPrefix("pd:") else { return nil }
        let id = String(row.id.dropFirst(3))
        return snapshot.incidents.first { $0.id == id }
    }

    mutating func beginIncidentAction(_ request: KeyAction) {
        guard focus == .alerts else {
            show("Incident actions work on the Alerts pane: press 4 first", isError: true)
            return
        }
        guard let incident = selectedIncident else {
            show("The selected row has no PagerDuty incident (a CloudWatch alarm alone)", isError: true)
            return
        }
        guard !readonly else {
            show("Read-only (--readonly): incident actions are off; start without --readonly", isError: true)
            return
        }
        if incident.status == .resolved, request != .noteIncident {
            show("#\(incident.number) is already resolved", isError: true)
            return
        }
        if request == .snoozeIncident, incident.status != .acknowledged {
            show("Only an acknowledged incident can be snoozed: acknowledge it first", isError: true)
            return
        }
        var prompt = IncidentPrompt(
            request: request, incidentId: incident.id, incidentNumber: incident.number,
            incidentTitle: incident.title,
            // The row knows the account even when only the correlated alarm names it.
            isProduction: pane(.alerts).selectedRow?.isProduction ?? context.isProduction(incident.accountId))
        switch request {
        case .acknowledgeIncident: prompt.action = IncidentAction(incidentId: incident.id, kind: .acknowledge)
        case .resolveIncident: prompt.action = IncidentAction(incidentId: incident.id, kind: .resolve)
        case .snoozeIncident:
            prompt.action = IncidentAction(
                incidentId: incident.id, kind: .snooze(seconds: Self.snoozeSeconds))
        default:
            mode = .incidentInput(prompt, TextField(text: ""))
            return
        }
        mode = .incidentConfirm(prompt)
    }

    mutating func handleIncidentConfirm(_ key: Key, _ prompt: IncidentPrompt) -> [Effect] {
        switch key {
        case .character("y"), .character("Y"), .enter:
            mode = .normal
            guard let action = prompt.action else { return [] }
            show("Sending to PagerDuty: \(action.kind.verb) \(prompt.incidentLabel)…")
            return [.incidentAction(action)]
        case .character("n"), .character("N"), .character("q"), .escape:
            mode = .normal
            show("Cancelled: nothing was sent")
        default:
            break
        }
        return []
    }

    mutating func handleIncidentInput(_ key: Key, _ prompt: IncidentPrompt, _ field: inout TextField)
        -> [Effect]
    {
        switch key {
        case .escape:
            mode = .normal
            show("Cancelled: nothing was sent")
        case .enter:
            let text = field.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                mode = .incidentInput(prompt, field)
                return []
            }
            var prompt = prompt
            if prompt.request == .reassignIncident {
                let ids = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                prompt.action = IncidentAction(incidentId: prompt.incidentId, kind: .reassign(userIds: ids))
            } else {
                prompt.action = IncidentAction(incidentId: prompt.incidentId, kind: .note(text))
            }
            mode = .incidentConfirm(prompt)
        default:
            _ = field.apply(key)
            mode = .incidentInput(prompt, field)
        }
        return []
    }

    /// Shows where a queued action stands, on its row and in the status bar.
    mutating func recordIncidentAction(_ queued: QueuedIncidentAction) {
        snapshot.pagerDuty.record(queued)
        rebuild(.alerts)
        let number = snapshot.incidents.first { $0.id == queued.action.incidentId }.map { "#\($0.number)" }
        let label = number ?? queued.action.incidentId
        let verb = queued.action.kind.verb
        switch queued.state {
        case .sent: show("PagerDuty took it: \(verb) \(label)")
        case .pending:
            show("PagerDuty is unreachable: \(verb) \(label) is queued and sent when it is back")
        case .conflict:
            show("Not done: \(label) is \(queued.message ?? "changed by somebody else")", isError: true)
        case .failed:
            show("PagerDuty refused to \(verb) \(label): \(queued.message ?? "no reason")", isError: true)
        }
    }
}
