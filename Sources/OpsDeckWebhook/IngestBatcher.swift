import Dispatch
import Foundation
import Logging
import OpsDeckCache
import OpsDeckCore

/// Group commit: deliveries queue up while the previous batch is being committed, and the
/// next transaction takes all of them (up to `maximumBatch`), so one `fsync` serves many
/// requests. Each delivery's completion runs after its batch has committed.
final class IngestBatcher: @unchecked Sendable {
    typealias Completion = @Sendable (Result<IngestOutcome, CacheError>) -> Void

    private struct Pending {
        var delivery: WebhookDelivery
        var enqueuedAt: UInt64
        var completion: Completion
    }

    private let cache: CacheDatabase
    private let metrics: WebhookMetrics
    private let logger: Logger
    private let maximumBatch: Int
    /// Deliveries stored since the last WAL checkpoint (writer thread only).
    private var sinceCheckpoint = 0
    // Guards `pending` and `stopped`; the writer thread waits on it.
    private let condition = NSCondition()
    private var pending: [Pending] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(cache: CacheDatabase, metrics: WebhookMetrics, logger: Logger, maximumBatch: Int = 1024) {
        self.cache = cache
        self.metrics = metrics
        self.logger = logger
        self.maximumBatch = maximumBatch
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "opsdeck.webhook.writer"
        thread.start()
    }

    /// Queues a delivery; `completion` runs on the writer thread once it is stored (or not).
    func submit(_ delivery: WebhookDelivery, completion: @escaping Completion) {
        condition.lock()
        if stopped {
            condition.unlock()
            completion(
                .failure(.writeFailed(operation: "a webhook delivery", reason: "the receiver is stopping")))
            return
        }
        pending.append(
            Pending(
                delivery: delivery, enqueuedAt: DispatchTime.now().uptimeNanoseconds, completion: completion))
        condition.signal()
        condition.unlock()
    }

    /// Stores what is queued, then stops the writer thread.
    func stop() {
        condition.lock()
        let wasStopped = stopped
        stopped = true
        condition.signal()
        condition.unlock()
        if !wasStopped { finished.wait() }
    }

    private func run() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopped { condition.wait() }
            if pending.isEmpty && stopped {
                condition.unlock()
                finished.signal()
                return
            }
            let count = min(pending.count, maximumBatch)
            let batch = Array(pending.prefix(count))
            pending.removeFirst(count)
            condition.unlock()
            commit(batch)
            checkpointIfDue()
        }
    }

    /// The WAL checkpoint `ingest` leaves out of its commits, run once the batch has been
    /// answered: soon when nothing is waiting, at the latest after `checkpointInterval`.
    private func checkpointIfDue() {
        guard sinceCheckpoint >= Self.idleCheckpointInterval else { return }
        if sinceCheckpoint < Self.checkpointInterval {
            condition.lock()
            let idle = pending.isEmpty
            condition.unlock()
            guard idle else { return }
        }
        do {
            try cache.checkpointAfterIngest()
            sinceCheckpoint = 0
            metrics.checkpointed()
        } catch {
            // The deliveries are committed; a later checkpoint catches up.
            logger.warning("WAL checkpoint after webhook ingest failed: \(error)")
            sinceCheckpoint = 0
        }
    }

    /// Deliveries between checkpoints under load (about 1 s at the target rate).
    static let checkpointInterval = 4_000
    /// Deliveries after which a checkpoint runs as soon as the queue is empty.
    static let idleCheckpointInterval = 500

    private func commit(_ batch: [Pending]) {
        do {
            let outcomes = try cache.ingest(batch.map(\.delivery))
            let now = DispatchTime.now().uptimeNanoseconds
            let stored = outcomes.filter { $0 == .stored }.count
            sinceCheckpoint += stored
            metrics.batch(
                stored: stored, duplicates: outcomes.count - stored,
                latencies: batch.map { Double(now &- $0.enqueuedAt) / 1e9 })
            for (item, outcome) in zip(batch, outcomes) { item.completion(.success(outcome)) }
        } catch {
            let failure =
                (error as? CacheError) ?? .writeFailed(operation: "webhook deliveries", reason: "\(error)")
            logger.error("could not store \(batch.count) webhook deliveries: \(failure)")
            metrics.storeFailed(batch.count)
            for item in batch { item.completion(.failure(failure)) }
        }
    }
}
