import Foundation
import OpsDeckCore

/// What changed in PagerDuty since a cursor, and the cursor to use next time.
public struct IncidentBackfill: Sendable, Hashable {
    /// The changed incidents as they are now.
    public var incidents: [Incident]
    /// The newest log entry's time; the next backfill starts here.
    public var cursor: Date
    /// Log entries read.
    public var entries: Int

    /// Creates a backfill result.
    public init(incidents: [Incident], cursor: Date, entries: Int) {
        self.incidents = incidents
        self.cursor = cursor
        self.entries = entries
    }
}
