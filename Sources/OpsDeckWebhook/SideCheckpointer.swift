import Dispatch
import Foundation
import Logging
import OpsDeckCache

/// A thread that runs WAL checkpoints on its own connection when the writer asks, so that
/// copying the WAL into the database file (and its `fsync`) overlaps the group commits
/// instead of holding them up.
final class SideCheckpointer: @unchecked Sendable {
    private let checkpointer: WALCheckpointer?
    private let metrics: WebhookMetrics
    private let logger: Logger
    // Guards `requested`, `running` and `stopped`.
    private let condition = NSCondition()
    private var requested = false
    private var running = false
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(cache: CacheDatabase, metrics: WebhookMetrics, logger: Logger) {
        do {
            checkpointer = try cache.makeCheckpointer()
        } catch {
            // Without it the writer still checkpoints between batches.
            logger.warning("no separate WAL checkpoint connection: \(error)")
            checkpointer = nil
        }
        self.metrics = metrics
        self.logger = logger
    }

    func start() {
        guard checkpointer != nil else { return }
        let thread = Thread { [self] in run() }
        thread.name = "opsdeck.webhook.checkpoint"
        thread.start()
    }

    /// Asks for a checkpoint. Returns false when one is already under way (or there is no
    /// side connection), so the caller asks again later.
    func request() -> Bool {
        guard checkpointer != nil else { return false }
        condition.lock()
        defer { condition.unlock() }
        if running || requested || stopped { return false }
        requested = true
        condition.signal()
        return true
    }

    func stop() {
        guard checkpointer != nil else { return }
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
            while !requested && !stopped { condition.wait() }
            if stopped {
                condition.unlock()
                finished.signal()
                return
            }
            requested = false
            running = true
            condition.unlock()
            do {
                try checkpointer?.checkpoint()
                metrics.checkpointed()
            } catch {
                logger.warning("WAL checkpoint next to webhook ingest failed: \(error)")
            }
            condition.lock()
            running = false
            condition.unlock()
        }
    }
}
