import Foundation
import OpsDeckCore

/// Incident actions on their way to PagerDuty: each is stored first, sent at once when
/// PagerDuty answers, and kept pending (sent by the next flush) when it does not.
public struct IncidentActionQueue: Sendable {
    /// What one flush did.
    public struct FlushReport: Sendable, Hashable {
        public var sent: [QueuedIncidentAction] = []
        public var conflicts: [QueuedIncidentAction] = []
        public var failed: [QueuedIncidentAction] = []
        /// Still waiting for PagerDuty.
        public var pending: [QueuedIncidentAction] = []
        /// Why the pending ones could not go, when the link is down.
        public var unreachable: PagerDutyError?

        public init() {}
    }

    public let store: any IncidentActionStore
    public let client: PagerDutyClient

    /// Creates a queue over a store and a client.
    public init(store: any IncidentActionStore, client: PagerDutyClient) {
        self.store = store
        self.client = client
    }

    /// Stores `action`, then tries to send it now.
    /// - Returns: the action as it stands: `.sent`, `.conflict`, `.failed`, or `.pending`
    ///   when PagerDuty could not be reached (its message says why).
    /// - Throws: only when the store cannot keep it.
    public func submit(_ action: IncidentAction, now: Date) async throws -> QueuedIncidentAction {
        let queued = try await store.enqueue(action, at: now)
        return try await attempt(queued, now: now).queued
    }

    /// Sends every pending action, oldest first. Stops at the first sign that PagerDuty
    /// is unreachable, so the order of actions on one incident is kept.
    public func flush(now: Date) async throws -> FlushReport {
        var report = FlushReport()
        let outstanding = try await store.outstandingActions().filter { $0.state == .pending }
        for (index, queued) in outstanding.enumerated() {
            let (result, error) = try await attempt(queued, now: now)
            switch result.state {
            case .sent: report.sent.append(result)
            case .conflict: report.conflicts.append(result)
            case .failed: report.failed.append(result)
            case .pending:
                report.pending.append(result)
                report.pending += outstanding.dropFirst(index + 1)
                report.unreachable = error ?? .unreachable(host: client.host, reason: "no answer")
                return report
            }
        }
        return report
    }

    private func attempt(_ queued: QueuedIncidentAction, now: Date) async throws -> (
        queued: QueuedIncidentAction, error: PagerDutyError?
    ) {
        var queued = queued
        var failure: PagerDutyError?
        queued.attempts += 1
        queued.lastAttemptAt = now
        do {
            switch try await client.perform(queued.action) {
            case .applied:
                queued.state = .sent
                queued.message = nil
            case .conflict(let status, let by):
                queued.state = .conflict
                queued.message =
                    "already \(status.rawValue)" + (by.map { " by \($0)" } ?? "")
            }
        } catch {
            failure = error
            queued.state = error.isTransient ? .pending : .failed
            queued.message = error.description
        }
        try await store.update(queued)
        return (queued, failure)
    }
}
