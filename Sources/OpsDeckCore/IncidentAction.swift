import Foundation

/// Something a person does to a PagerDuty incident from OpsDeck.
public struct IncidentAction: Sendable, Hashable, Codable {
    /// What is done.
    public enum Kind: Sendable, Hashable, Codable {
        case acknowledge
        case resolve
        /// Snooze an acknowledged incident for this many seconds.
        case snooze(seconds: Int)
        /// Add a note with this text.
        case note(String)
        /// Reassign to these PagerDuty user ids.
        case reassign(userIds: [String])

        /// The verb shown in confirmations and status lines.
        public var verb: String {
            switch self {
            case .acknowledge: "acknowledge"
            case .resolve: "resolve"
            case .snooze: "snooze"
            case .note: "add a note to"
            case .reassign: "reassign"
            }
        }

        /// A short label for the pending marker on a row.
        public var label: String {
            switch self {
            case .acknowledge: "ack"
            case .resolve: "resolve"
            case .snooze: "snooze"
            case .note: "note"
            case .reassign: "reassign"
            }
        }
    }

    /// The PagerDuty incident id (`Q1ABCDEF`), not its number.
    public var incidentId: String
    public var kind: Kind

    /// Creates an action.
    public init(incidentId: String, kind: Kind) {
        self.incidentId = incidentId
        self.kind = kind
    }
}
