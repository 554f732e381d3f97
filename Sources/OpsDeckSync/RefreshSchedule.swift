import Foundation
import OpsDeckCore

/// When each source is next due: its last attempt plus its interval, longer after failures.
///
/// A value with no clock of its own: the scheduler and `opsdeck refresh` pass `now`, so a
/// test can walk through hours of schedule without waiting.
public struct RefreshSchedule: Sendable, Hashable {
    /// Sources that keep to their interval even when the user asks for them: Cost Explorer
    /// charges per request, so cost is served from the cache until it is due (`--force`
    /// overrides).
    public static let gated: Set<Source> = [.cost]

    /// Seconds between attempts, by source.
    public var intervals: [Source: TimeInterval]
    /// The longest delay backing off may reach (a longer interval is kept as it is).
    public var maxBackoff: TimeInterval
    /// The last attempt of each source, successful or not.
    public private(set) var lastAttempts: [Source: Date]
    /// Failed attempts in a row, by source; a success resets it.
    public private(set) var failures: [Source: Int]

    /// Creates a schedule.
    /// - Parameters:
    ///   - intervals: Seconds between attempts; a source left out uses 300 s.
    ///   - lastAttempts: From the cache (`lastAttempts(from:)`), so a restart does not fetch
    ///     again what was fetched a minute before.
    ///   - maxBackoff: The cap of backing off.
    public init(
        intervals: [Source: TimeInterval], lastAttempts: [Source: Date] = [:],
        maxBackoff: TimeInterval = 3_600
    ) {
        self.intervals = intervals
        self.lastAttempts = lastAttempts
        self.maxBackoff = maxBackoff
        self.failures = [:]
    }

    /// The newest attempt of each source over all its accounts and regions.
    public static func lastAttempts(from statuses: [SourceStatus]) -> [Source: Date] {
        var attempts: [Source: Date] = [:]
        for status in statuses {
            guard let attempt = status.lastAttemptAt else { continue }
            if let known = attempts[status.source], known >= attempt { continue }
            attempts[status.source] = attempt
        }
        return attempts
    }

    /// The interval of `source`.
    public func interval(of source: Source) -> TimeInterval {
        max(1, intervals[source] ?? 300)
    }

    /// The wait after the last attempt: the interval, doubled for each failure in a row up
    /// to `maxBackoff` (never below the interval itself).
    public func delay(of source: Source) -> TimeInterval {
        let interval = interval(of: source)
        let failed = min(failures[source] ?? 0, 16)
        guard failed > 0 else { return interval }
        let backedOff = interval * pow(2, Double(failed))
        return max(interval, min(backedOff, maxBackoff))
    }

    /// When `source` is due next; nil when it was never attempted (due now).
    public func nextDue(_ source: Source) -> Date? {
        lastAttempts[source].map { $0.addingTimeInterval(delay(of: source)) }
    }

    /// Whether `source` is due at `now`.
    public func isDue(_ source: Source, now: Date) -> Bool {
        guard let due = nextDue(source) else { return true }
        return due <= now
    }

    /// The sources of `sources` due at `now`.
    public func due(_ sources: Set<Source>, now: Date) -> Set<Source> {
        sources.filter { isDue($0, now: now) }
    }

    /// Records an attempt that started at `date`.
    public mutating func recordAttempt(_ source: Source, at date: Date, failed: Bool) {
        lastAttempts[source] = date
        failures[source] = failed ? (failures[source] ?? 0) + 1 : 0
    }
}
