import Foundation

/// How old a pane's data is, as the header and each pane say it.
public enum Staleness: Sendable, Hashable {
    /// Never fetched.
    case empty
    /// Fetched within the refresh interval.
    case live
    /// Older than the interval but not yet stale.
    case asOf(TimeInterval)
    /// Older than twice the interval (and at least five minutes past it).
    case stale(TimeInterval)
    /// The last attempt failed; the age is of the last success, if any.
    case failed(message: String, age: TimeInterval?)

    /// Judges a set of statuses (one per account and region) for one source: the oldest
    /// success decides the age, any error is reported.
    public static func of(_ statuses: [SourceStatus], interval: TimeInterval, now: Date) -> Staleness {
        SourceHealth(statuses).staleness(interval: interval, now: now)
    }

    /// "live", "as of 4m", "stale 2h", "error: ...".
    public var label: String {
        switch self {
        case .empty: "no data"
        case .live: "live"
        case .asOf(let age): "as of \(Self.shortAge(age))"
        case .stale(let age): "stale \(Self.shortAge(age))"
        case .failed(let message, let age):
            if let age { "error (\(Self.shortAge(age)) old): \(message)" } else { "error: \(message)" }
        }
    }

    /// Seconds as a non-negative Int; NaN, infinities and absurd values can never trap
    /// (a trap would leave the terminal raw).
    public static func wholeSeconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return seconds >= 1e12 ? 1_000_000_000_000 : Int(seconds)
    }

    /// A compact age: `45s`, `4m`, `2h`, `3d`.
    public static func shortAge(_ seconds: TimeInterval) -> String {
        let s = Self.wholeSeconds(seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }
}
