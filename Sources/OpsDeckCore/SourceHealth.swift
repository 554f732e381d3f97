import Foundation

/// The statuses of one or more sources folded once per snapshot, so judging staleness
/// on every frame is O(1) instead of a pass over thousands of statuses.
public struct SourceHealth: Sendable, Hashable {
    public var statusCount = 0
    public var oldestSuccess: Date?
    public var failures = 0
    public var firstError: String?

    public init() {}

    public init(_ statuses: some Sequence<SourceStatus>) {
        for status in statuses { add(status) }
    }

    public mutating func add(_ status: SourceStatus) {
        statusCount += 1
        if let success = status.lastSuccessAt { oldestSuccess = min(oldestSuccess ?? success, success) }
        if let error = status.lastError {
            failures += 1
            if firstError == nil { firstError = error }
        }
    }

    public func merged(with other: SourceHealth) -> SourceHealth {
        var out = self
        out.statusCount += other.statusCount
        if let success = other.oldestSuccess {
            out.oldestSuccess = min(out.oldestSuccess ?? success, success)
        }
        out.failures += other.failures
        out.firstError = out.firstError ?? other.firstError
        return out
    }

    /// The oldest success decides the age; any error is reported.
    public func staleness(interval: TimeInterval, now: Date) -> Staleness {
        guard statusCount > 0 else { return .empty }
        let age = oldestSuccess.map { now.timeIntervalSince($0) }
        if let firstError {
            let text = failures > 1 ? "\(firstError) (+\(failures - 1) more)" : firstError
            return .failed(message: text, age: age)
        }
        guard let age else { return .empty }
        if age <= interval { return .live }
        if age <= max(interval * 2, interval + 300) { return .asOf(age) }
        return .stale(age)
    }
}
