import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckSync
import PagerDuty

/// Actions from the command line, through the cache's queue when PagerDuty cannot take them.
extension IncidentsRunner {
    /// The queue in the cache file, opened only when an action has to wait or be flushed.
    struct QueueAccess: Sendable {
        var cachePath: String?
        var environment: [String: String]
        var live: LivePagerDuty

        var path: String { cachePath ?? CachePaths(environment: environment).cacheFile }

        func open() throws -> (IncidentActionQueue, CachePagerDutyStore) {
            let (cache, _) = try CacheDatabase.open(at: path)
            let store = CachePagerDutyStore(cache: cache)
            return (IncidentActionQueue(store: store, client: live.client), store)
        }
    }

    static let sendsQueued =
        "the console's next refresh, `opsdeck refresh --only incidents` or `opsdeck incidents flush` sends it"

    static func act(
        _ client: PagerDutyClient, kind: IncidentAction.Kind, ids: [String], yes: Bool, queue: QueueAccess,
        _ console: Console, _ now: Date
    ) async -> Int32 {
        var worst: Int32 = 0
        for id in ids {
            var label = id
            var unreachable: PagerDutyError?
            do {
                let incident = try await client.incident(id: id)
                label = "#\(incident.number) \(incident.title) (\(incident.id), \(incident.status.rawValue))"
            } catch {
                guard error.isTransient else {
                    console.err("opsdeck incidents \(kind.label) \(id): \(error)\n")
                    worst = max(worst, exitStatus(error))
                    continue
                }
                // The action can still wait in the queue; the question says so.
                unreachable = error
                label = "incident \(id) (PagerDuty cannot be reached now: it will be queued)"
            }
            if !yes {
                guard let ask = console.ask else {
                    console.err(
                        "opsdeck incidents: not a terminal, so nobody can confirm: add --yes to "
                            + "\(kind.verb) \(label)\n")
                    return 2
                }
                guard ask("\(kind.verb.prefix(1).uppercased() + kind.verb.dropFirst()) \(label)?") else {
                    console.err("skipped \(id): not confirmed\n")
                    worst = max(worst, 2)
                    continue
                }
            }
            let action = IncidentAction(incidentId: id, kind: kind)
            if let unreachable {
                worst = max(worst, enqueue(action, reason: unreachable, queue: queue, console, now))
                continue
            }
            do {
                switch try await client.perform(action) {
                case .applied:
                    console.out("\(kind.label) \(id): done\n")
                case .conflict(let status, let by):
                    console.err(
                        "opsdeck incidents \(kind.label) \(id): not done, already \(status.rawValue)"
                            + (by.map { " by \($0)" } ?? "") + "\n")
                    worst = max(worst, 4)
                }
            } catch {
                if error.isTransient {
                    worst = max(worst, enqueue(action, reason: error, queue: queue, console, now))
                } else {
                    console.err("opsdeck incidents \(kind.label) \(id): \(error)\n")
                    worst = max(worst, exitStatus(error))
                }
            }
        }
        return worst
    }

    /// Keeps `action` in the cache's queue as pending; the exit status to report.
    static func enqueue(
        _ action: IncidentAction, reason: PagerDutyError, queue: QueueAccess, _ console: Console, _ now: Date
    ) -> Int32 {
        let prefix = "opsdeck incidents \(action.kind.label) \(action.incidentId)"
        do {
            let (_, store) = try queue.open()
            var queued = try store.enqueue(action, at: now)
            queued.attempts = 1
            queued.lastAttemptAt = now
            queued.message = reason.description
            try store.update(queued)
            console.err(
                "\(prefix): queued, not sent yet: \(reason). It waits in \(queue.path); \(sendsQueued)\n")
            return queuedStatus
        } catch {
            console.err(
                "\(prefix): not sent (\(reason)) and it could not be queued in \(queue.path): \(error)\n")
            return exitStatus(reason)
        }
    }

    /// `opsdeck incidents flush`: sends every queued action, oldest first.
    static func flush(_ queue: QueueAccess, _ console: Console, _ now: Date) async -> Int32 {
        let report: IncidentActionQueue.FlushReport
        do {
            let (actions, store) = try queue.open()
            report = try await actions.flush(now: now)
            // The cache shows the incidents as PagerDuty has them now, not until the next refresh.
            await PagerDutyProvider(client: queue.live.client, store: store)
                .reread(actedOn: report.sent + report.conflicts, now: now)
        } catch {
            console.err("opsdeck incidents flush: the queue in \(queue.path) cannot be read: \(error)\n")
            return 2
        }
        var status: Int32 = 0
        for sent in report.sent {
            console.out("\(sent.action.kind.label) \(sent.action.incidentId): sent\n")
        }
        for conflict in report.conflicts {
            console.err(
                "opsdeck incidents flush: \(conflict.action.kind.label) \(conflict.action.incidentId): "
                    + "not done, \(conflict.message ?? "somebody else changed it first")\n")
            status = max(status, 4)
        }
        for failed in report.failed {
            console.err(
                "opsdeck incidents flush: \(failed.action.kind.label) \(failed.action.incidentId): "
                    + "refused by PagerDuty, not retried: \(failed.message ?? "no reason given")\n")
            status = max(status, 1)
        }
        if !report.pending.isEmpty {
            let reason = report.unreachable.map(\.description) ?? "PagerDuty did not answer"
            console.err(
                "opsdeck incidents flush: \(report.pending.count) action(s) still queued: \(reason)\n")
            status = max(status, 3)
        }
        if report.sent.isEmpty, report.conflicts.isEmpty, report.failed.isEmpty, report.pending.isEmpty {
            console.out("nothing queued\n")
        }
        return status
    }
}
