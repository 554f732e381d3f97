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
}
