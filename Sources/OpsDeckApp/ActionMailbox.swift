import Foundation
import OpsDeckUI

/// Hands actions from background tasks (cache observation, effects) to the curses
/// thread, which drains it between key reads.
final class ActionMailbox: @unchecked Sendable {
    // Guarded by `lock`: posted from tasks, drained on the main thread.
    private let lock = NSLock()
    private var pending: [Action] = []

    func post(_ action: Action) {
        lock.lock()
        defer { lock.unlock() }
        // Only the newest snapshot matters; older ones still queued are dropped.
        if case .snapshot = action { pending.removeAll { if case .snapshot = $0 { true } else { false } } }
        pending.append(action)
    }

    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let out = pending
        pending.removeAll(keepingCapacity: true)
        return out
    }
}
