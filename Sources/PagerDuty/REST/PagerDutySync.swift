import Foundation
import OpsDeckCore

/// One PagerDuty refresh: send the queued actions, then read what changed since the
/// last event seen (or the recent window the first time), then who is on call.
public struct PagerDutySync: Sendable {
    /// What one refresh did.
    public struct Result: Sendable {
        /// Incidents written.
        public var incidents = 0
        /// On-calls written, nil when they could not be read.
        public var onCalls: Int?
        public var flush = IncidentActionQueue.FlushReport()
        /// Each step that failed, with its message.
        public var failures: [(step: String, error: PagerDutyError)] = []

        public init() {}
    }

    public let client: PagerDutyClient
    public let store: any PagerDutyStore
    /// How far back the first refresh reads (PagerDuty allows up to 6 months).
    public let initialWindow: TimeInterval

    /// Creates a refresh over a client and a store.
    public init(client: PagerDutyClient, store: any PagerDutyStore, initialWindow: TimeInterval = 7 * 86_400)
    {
        self.client = client
        self.store = store
        self.initialWindow = initialWindow
    }

    /// Runs one refresh. Never throws: every failure is in the result, and a failed step
    /// leaves the cursor where it was so the next refresh repeats it.
    public func refresh(now: Date) async -> Result {
        var result = Result()
        let queue = IncidentActionQueue(store: store, client: client)
        do {
            result.flush = try await queue.flush(now: now)
            if let unreachable = result.flush.unreachable { result.failures.append(("actions", unreachable)) }
        } catch {
            result.failures.append(
                ("actions", .invalidResponse("the action queue could not be read: \(error)")))
        }
        if result.flush.unreachable == nil {
            do {
                let cursor = try? await store.backfillCursor()
                if let cursor {
                    let backfill = try await client.backfill(since: cursor, now: now)
                    try await save(backfill.incidents, cursor: backfill.cursor, now: now)
                    result.incidents = backfill.incidents.count
                } else {
                    let incidents = try await client.listIncidents(
                        since: now.addingTimeInterval(-initialWindow), until: now)
                    try await save(incidents, cursor: now, now: now)
                    result.incidents = incidents.count
                }
            } catch {
                result.failures.append(("incidents", error))
            }
            do {
                let onCalls = try await client.onCalls()
                try? await store.saveOnCalls(onCalls, fetchedAt: now)
                result.onCalls = onCalls.count
            } catch {
                result.failures.append(("on-calls", error))
            }
        }
        return result
    }

    private func save(_ incidents: [Incident], cursor: Date, now: Date) async throws(PagerDutyError) {
        do {
            try await store.saveIncidents(incidents, cursor: cursor, fetchedAt: now)
        } catch {
            throw .invalidResponse("the cache could not store the incidents: \(error)")
        }
    }
}
