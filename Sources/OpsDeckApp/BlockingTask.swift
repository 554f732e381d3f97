import Foundation

/// Runs async work to the end from synchronous code (a subcommand's `run`), the calling
/// thread waiting while the work runs on the cooperative pool.
public enum BlockingTask {
    /// - Parameter fallback: returned only if the work ended without a value, which the
    ///   semaphore rules out; it keeps this free of a trap.
    public static func run<T: Sendable>(fallback: T, _ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        // The semaphore orders the write before this read.
        return box.value ?? fallback
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
