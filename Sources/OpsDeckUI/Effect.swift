import OpsDeckCore

/// Work the reducer asks the runtime to do; results come back as Actions.
public enum Effect: Sendable, Equatable {
    case quit
    /// Refresh the sources behind a pane now.
    case refresh(PaneID)
    /// Load a theme by name or path.
    case loadTheme(String)
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Give the terminal back and stop, as Ctrl-Z does in a shell.
    case suspend
    /// The MFA prompt was answered: the code, or nil when the user cancelled.
    case answerMFA(MFACode?)
    /// Queue an incident action for PagerDuty; the result comes back as
    /// `.incidentActionQueued` (pd-rest).
    case incidentAction(IncidentAction)
    // Break-glass (bg-console).
    /// Assume the role off the main thread (audit before and after); the result comes
    /// back as `.breakGlassAssumed` or `.breakGlassFailed`.
    case assumeBreakGlass(BreakGlassForm.Submission)
    /// Hand the terminal to a subshell holding the session's credentials, then take it back.
    case runBreakGlassShell(sessionId: String)
    /// Read and verify the audit log; it comes back as `.auditLoaded`.
    case loadAudit
}
