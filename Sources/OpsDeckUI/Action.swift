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
    /// Where a queued incident action stands now (pd-rest).
    case incidentActionQueued(QueuedIncidentAction)
}
