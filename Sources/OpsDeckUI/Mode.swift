import TerminalKit

/// What the keyboard is talking to right now.
public enum Mode: Sendable {
    case normal
    /// Typing a `/` filter for the focused pane; applied as you type.
    case filter(TextField)
    /// Typing a `:` command.
    case command(TextField)
    /// The key help, scrolled to `offset`.
    case help(offset: Int)
    /// The detail view of one row.
    case detail(pane: PaneID, rowId: String, offset: Int)
    /// Typing the code of MFA device `serial`, masked; Esc cancels.
    case mfa(serial: String, field: TextField)
    /// Asking "really?" before an incident action is queued (pd-rest).
    case incidentConfirm(IncidentPrompt)
    /// Typing the text an incident action needs: a note, user ids (pd-rest).
    case incidentInput(IncidentPrompt, TextField)
    // Break-glass (bg-console).
    /// The break-glass form for one role.
    case breakGlass(BreakGlassForm)
    /// The break-glass audit log.
    case audit(AuditView)
}
