import Synchronization

/// Runs the jobs given to it one at a time, in the order given, across tasks.
///
/// The console sends incident actions from two places: the action the user just confirmed
/// (`IncidentActionSender`) and the incidents refresh's flush of the queue. Both read the
/// queue's pending actions; run together, the flush could send again an action whose first
/// send is still in flight (a note posted twice, a second acknowledge reported as a
/// conflict). Both go through `incidentActions`.
final class SerialGate: Sendable {
    /// The gate of every send of the PagerDuty action queue in this process.
    static let incidentActions = SerialGate()

    private let tail = Mutex<Task<Void, Never>?>(nil)

    /// Runs `job` once every job given before it has finished.
    func run<T: Sendable>(_ job: @escaping @Sendable () async -> T) async -> T {
        let task = tail.withLock { tail -> Task<T, Never> in
            let previous = tail
            let task = Task {
                await previous?.value
                return await job()
            }
            tail = Task { _ = await task.value }
            return task
        }
        return await task.value
    }
}
