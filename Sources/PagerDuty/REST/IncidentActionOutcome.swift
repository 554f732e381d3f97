import OpsDeckCore

/// What PagerDuty did with one action.
public enum IncidentActionOutcome: Sendable, Hashable {
    /// Taken; the incident as PagerDuty now has it, when it said.
    case applied(Incident?)
    /// Somebody got there first: the incident is already `status`, changed by `by`.
    case conflict(status: Incident.Status, by: String?)
}
