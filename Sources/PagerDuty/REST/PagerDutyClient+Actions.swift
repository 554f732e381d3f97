import Foundation
import OpsDeckCore

extension PagerDutyClient {
    /// Sends one action: status changes and reassignment as `PUT /incidents/{id}`, snooze
    /// as `POST .../snooze`, a note as `POST .../notes`, each with `From`.
    ///
    /// A refusal because the incident already moved on (resolved by somebody else, or
    /// acknowledged when acknowledging) comes back as `.conflict`, naming who did it.
    /// - Throws: `PagerDutyError` for everything else (unreachable, 401, 403, ...).
    public func perform(_ action: IncidentAction) async throws(PagerDutyError) -> IncidentActionOutcome {
        let id = action.incidentId
        let path = "/incidents/\(Self.pathSegment(id))"
        let built: (String, String, [String: Any])
        switch action.kind {
        case .acknowledge:
            built = ("PUT", path, ["incident": ["type": "incident_reference", "status": "acknowledged"]])
        case .resolve:
            built = ("PUT", path, ["incident": ["type": "incident_reference", "status": "resolved"]])
        case .reassign(let userIds):
            let assignments = userIds.map { ["assignee": ["id": $0, "type": "user_reference"]] }
            built = ("PUT", path, ["incident": ["type": "incident_reference", "assignments": assignments]])
        case .snooze(let seconds):
            built = ("POST", path + "/snooze", ["duration": seconds])
        case .note(let text):
            built = ("POST", path + "/notes", ["note": ["content": text]])
        }
        let body: Data
        do {
            body = try JSONSerialization.data(withJSONObject: built.2, options: [.sortedKeys])
        } catch {
            throw .invalidResponse("could not encode the \(action.kind.label) request")
        }
        let response = try await send(try request(built.0, path: built.1, body: body))
        if (200..<300).contains(response.status) {
            let incident =
                (try? JSONDecoder().decode(PagerDutyWire.IncidentEnvelope.self, from: response.body))
                .flatMap { Self.incident($0.incident) }
            return .applied(incident)
        }
        let failure = error(from: response, incidentId: id)
        // A 400/409 may be "already resolved": ask PagerDuty how the incident stands now
        // rather than trusting the wording of the error.
        if case .rejected = failure, let conflict = await conflict(for: action) { return conflict }
        throw failure
    }

    private func conflict(for action: IncidentAction) async -> IncidentActionOutcome? {
        guard let (status, by) = await lastChangedBy(id: action.incidentId) else { return nil }
        switch (action.kind, status) {
        case (_, .resolved):
            return .conflict(status: .resolved, by: by)
        case (.acknowledge, .acknowledged):
            return .conflict(status: .acknowledged, by: by)
        default:
            return nil
        }
    }

    private static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
    }
}
