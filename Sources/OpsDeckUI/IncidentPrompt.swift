import OpsDeckCore

/// The incident an action is about to be taken on, and what is asked of the user.
public struct IncidentPrompt: Sendable, Hashable {
    /// The action key that started it.
    public var request: KeyAction
    public var incidentId: String
    public var incidentNumber: Int
    public var incidentTitle: String
    /// Whether the incident belongs to a production account (the dialog says so loudly).
    public var isProduction: Bool
    /// The complete action, once nothing more needs typing.
    public var action: IncidentAction?

    /// Creates a prompt.
    public init(
        request: KeyAction, incidentId: String, incidentNumber: Int, incidentTitle: String,
        isProduction: Bool = false, action: IncidentAction? = nil
    ) {
        self.request = request
        self.incidentId = incidentId
        self.incidentNumber = incidentNumber
        self.incidentTitle = incidentTitle
        self.isProduction = isProduction
        self.action = action
    }

    /// `#42 Checkout latency`.
    public var incidentLabel: String { "#\(incidentNumber) \(incidentTitle)" }

    /// The dialog's title.
    public var title: String {
        switch request {
        case .acknowledgeIncident: "Acknowledge incident?"
        case .resolveIncident: "Resolve incident?"
        case .snoozeIncident: "Snooze incident for 1 hour?"
        case .noteIncident: action == nil ? "Add a note" : "Add this note?"
        case .reassignIncident: action == nil ? "Reassign incident" : "Reassign incident?"
        default: "Incident action"
        }
    }

    /// What the input line is for, when one is asked.
    public var fieldLabel: String {
        request == .reassignIncident ? "User ids: " : "Note: "
    }
}
