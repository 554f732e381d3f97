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
    /// Deliveries stored since the writer's last WAL checkpoint (writer thread only).
    private var sinceCheckpoint = 0
    /// Deliveries stored since the side connection was last asked to checkpoint.
    private var sinceSideCheckpoint = 0
    private let side: SideCheckpointer
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
        side = SideCheckpointer(cache: cache, metrics: metrics, logger: logger)
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "opsdeck.webhook.writer"
        thread.start()
        side.start()
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
        if !wasStopped {
            finished.wait()
            side.stop()
        }
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

    /// The WAL checkpoints `ingest` leaves out of its commits. Under load, the side
    /// connection copies the WAL into the database file next to the commits (nobody waits for
    /// it); once the queue is empty, the writer checkpoints what is left, which lets the next
    /// commit start the WAL over. After `forcedCheckpointInterval` deliveries without a quiet
    /// moment the writer checkpoints anyway, which bounds the WAL.
    private func checkpointIfDue() {
        guard sinceCheckpoint >= Self.idleCheckpointInterval else { return }
        if sinceSideCheckpoint >= Self.sideCheckpointInterval, side.request() { sinceSideCheckpoint = 0 }
        if sinceCheckpoint < Self.forcedCheckpointInterval {
            condition.lock()
            let idle = pending.isEmpty
            condition.unlock()
            guard idle else { return }
        }
        do {
            try cache.checkpointAfterIngest()
            metrics.checkpointed()
        } catch {
            // The deliveries are committed; a later checkpoint catches up.
            logger.warning("WAL checkpoint after webhook ingest failed: \(error)")
        }
        sinceCheckpoint = 0
        sinceSideCheckpoint = 0
    }

    /// Deliveries between two checkpoints on the side connection (under 2 s at the target).
    static let sideCheckpointInterval = 8_000
    /// Deliveries after which the writer checkpoints as soon as its queue is empty.
    static let idleCheckpointInterval = 500
    /// Deliveries after which the writer checkpoints even with deliveries waiting.
    static let forcedCheckpointInterval = 100_000

    private func commit(_ batch: [Pending]) {
        do {
            let outcomes = try cache.ingest(batch.map(\.delivery))
            let now = DispatchTime.now().uptimeNanoseconds
            let stored = outcomes.filter { $0 == .stored }.count
            sinceCheckpoint += stored
            sinceSideCheckpoint += stored
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
