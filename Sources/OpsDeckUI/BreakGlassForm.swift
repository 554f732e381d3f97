import OpsDeckCore
import TerminalKit

/// The break-glass form the console shows on Enter on a role (or `:assume ACCOUNT ROLE`):
/// the reason, a ticket (typed, or picked from the open PagerDuty incidents), the
/// duration (a choice bounded by the role's maximum), the MFA code (masked) when the
/// profile has `mfa_serial`, and for a production account the alias typed to confirm.
///
/// Pure state: keys in, an outcome out. The full checks (reason length, role chaining,
/// the alias) run in the BreakGlass module when the submission is acted on; their error
/// comes back through `showError(_:)`.
public struct BreakGlassForm: Sendable, Hashable {
    /// One input of the form.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case reason, ticket, duration, mfaCode, confirmation
    }

    /// What the user gave, when they submit.
    public struct Submission: Sendable, Hashable {
        public var accountId: String
        public var roleName: String
        public var reason: String
        public var ticket: String?
        public var durationSeconds: Int
        public var mfaCode: String?
        public var confirmation: String?
    }

    /// What a key did.
    public enum Outcome: Sendable, Hashable {
        case editing
        case cancelled
        case submitted(Submission)
    }

    /// The session lengths offered, in seconds; those above the role's maximum are left out.
    public static let durationChoices = [900, 1800, 3600, 7200, 14_400, 28_800, 43_200]

    public let accountId: String
    /// `payments-prod (123456789012)`.
    public let accountLabel: String
    public let roleName: String
    /// Production accounts need `confirmationText` typed.
    public let isProduction: Bool
    /// The alias (else name) to type.
    public let confirmationText: String
    /// The profile's `mfa_serial`, when it has one.
    public let mfaSerial: String?
    /// The open incidents offered for the ticket (`ctrl-n`/`ctrl-p` or up/down on it).
    public let incidents: [Incident]
    /// The durations offered.
    public let durations: [Int]

    public var reason = TextField()
    public var ticket = TextField()
    public var mfaCode = TextField(masked: true)
    public var confirmation = TextField()
    /// Index into `durations`.
    public var durationIndex: Int
    /// Index into `incidents` of the picked one, if the ticket came from the picker.
    public var incidentIndex: Int?
    public var focus: Field = .reason
    /// The last refusal, shown under the fields.
    public var error: String?

    /// Creates the form for one role.
    /// - Parameters:
    ///   - maxSessionDuration: the role's maximum; longer choices are not offered.
    ///   - incidents: incidents to offer; only triggered and acknowledged ones are kept.
    public init(
        accountId: String, accountLabel: String, roleName: String, isProduction: Bool,
        confirmationText: String, maxSessionDuration: Int, mfaSerial: String? = nil,
        incidents: [Incident] = []
    ) {
        self.accountId = accountId
        self.accountLabel = accountLabel
        self.roleName = roleName
        self.isProduction = isProduction
        self.confirmationText = confirmationText
        self.mfaSerial = mfaSerial
        self.incidents = incidents.filter { $0.status != .resolved }
        let offered = Self.durationChoices.filter { $0 <= max(maxSessionDuration, 900) }
        durations = offered.isEmpty ? [900] : offered
        durationIndex = durations.lastIndex { $0 <= 3600 } ?? 0
    }

    /// The fields this form shows, in order.
    public var fields: [Field] {
        var fields: [Field] = [.reason, .ticket, .duration]
        if mfaSerial != nil { fields.append(.mfaCode) }
        if isProduction { fields.append(.confirmation) }
        return fields
    }

    /// The duration chosen, in seconds.
    public var durationSeconds: Int { durations[min(max(durationIndex, 0), durations.count - 1)] }

    /// Shows a refusal from the assumption and moves to the field it concerns.
    public mutating func showError(_ message: String, field: Field? = nil) {
        error = message
        if let field, fields.contains(field) { focus = field }
    }

    /// Handles one key: tab/shift-tab (and down/up outside the pickers) move between
    /// fields, left/right change the duration, up/down or ctrl-n/ctrl-p pick an incident
    /// on the ticket, enter submits, esc cancels; other keys edit the focused field.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape:
            return .cancelled
        case .enter:
            return submit()
        case .tab:
            move(by: 1)
        case .backTab:
            move(by: -1)
        case .down, .control("n"):
            if focus == .ticket, !incidents.isEmpty, key == .control("n") || incidentIndex != nil {
                pickIncident(by: 1)
            } else {
                move(by: 1)
            }
        case .up, .control("p"):
            if focus == .ticket, !incidents.isEmpty, key == .control("p") || incidentIndex != nil {
                pickIncident(by: -1)
            } else {
                move(by: -1)
            }
        case .left where focus == .duration:
            durationIndex = max(0, durationIndex - 1)
        case .right where focus == .duration, .character(" ") where focus == .duration:
            durationIndex = min(durations.count - 1, durationIndex + 1)
        default:
            edit(key)
        }
        return .editing
    }

    private mutating func move(by step: Int) {
        let order = fields
        guard let index = order.firstIndex(of: focus) else {
            focus = .reason
            return
        }
        focus = order[(index + step + order.count) % order.count]
    }

    private mutating func pickIncident(by step: Int) {
        let next = incidentIndex.map { ($0 + step + incidents.count) % incidents.count } ?? 0
        incidentIndex = next
        ticket = TextField(text: Self.ticketText(incidents[next]))
    }

    /// `#123` followed by the PagerDuty id, so both the number and the API id are recorded.
    static func ticketText(_ incident: Incident) -> String {
        "PD#\(incident.number) \(incident.id)"
    }

    private mutating func edit(_ key: Key) {
        switch focus {
        case .reason: _ = reason.apply(key)
        case .ticket:
            if ticket.apply(key) { incidentIndex = nil }
        case .duration: break
        case .mfaCode:
            if case .character(let c) = key, !c.isNumber { return }
            _ = mfaCode.apply(key)
        case .confirmation: _ = confirmation.apply(key)
        }
    }

    private mutating func submit() -> Outcome {
        let reasonText = reason.text.trimmingCharacters(in: .whitespaces)
        if reasonText.isEmpty {
            showError("Give a reason: a few words a reviewer will understand.", field: .reason)
            return .editing
        }
        if mfaSerial != nil, mfaCode.text.isEmpty {
            showError("Enter the current code of \(mfaSerial ?? "your MFA device").", field: .mfaCode)
            return .editing
        }
        if isProduction, confirmation.text != confirmationText {
            showError(
                "Production account: type \(confirmationText) exactly to confirm.", field: .confirmation)
            return .editing
        }
        error = nil
        let ticketText = ticket.text.trimmingCharacters(in: .whitespaces)
        return .submitted(
            Submission(
                accountId: accountId, roleName: roleName, reason: reasonText,
                ticket: ticketText.isEmpty ? nil : ticketText, durationSeconds: durationSeconds,
                mfaCode: mfaSerial == nil ? nil : mfaCode.text,
                confirmation: isProduction ? confirmation.text : nil))
    }
}
