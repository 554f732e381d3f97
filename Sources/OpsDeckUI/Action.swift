import Foundation
import OpsDeckCore
import TerminalKit

/// Everything that can happen to the console: input, new data, time, and the results
/// of effects.
public enum Action: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    case snapshot(OrgSnapshot)
    case tick(Date)
    case themeLoaded(Theme)
    case message(String, isError: Bool)
    // Live refresh and its MFA prompt.
    /// Progress of a refresh the runtime runs.
    case refreshEvent(RefreshEvent)
    /// A role needs the current code of this MFA device (`mfa_serial`): ask for it.
    case mfaRequested(serial: String)
    /// Where a queued incident action stands now (pd-rest).
    case incidentActionQueued(QueuedIncidentAction)
    // Break-glass in the console (bg-console); logic in AppState+BreakGlass.swift.
    /// The role was assumed: a session with `label` runs until `expiration`.
    case breakGlassAssumed(sessionId: String, label: String, expiration: Date)
    /// The assumption was refused or failed: the form reopens showing `message`.
    case breakGlassFailed(message: String, field: BreakGlassForm.Field?)
    /// Sessions still running according to the audit log, for the header's countdown.
    case breakGlassSessions([BreakGlassCountdown.Session])
    /// The audit log, read and verified, for the Audit view.
    case auditLoaded(AuditView)
}
