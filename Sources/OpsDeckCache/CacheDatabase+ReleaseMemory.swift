import GRDB

extension CacheDatabase {
    /// Closes the idle read connections and shrinks the writer's page cache.
    ///
    /// The console calls it once the start-up snapshot is read and before the panes are
    /// built from it, so the two readers' page caches and schemas are not held through the
    /// peak of start-up; the next read opens a reader again (a few milliseconds).
    public func releaseReadMemory() {
        if let pool = writer as? DatabasePool {
            pool.releaseMemory()
        } else if let queue = writer as? DatabaseQueue {
            queue.releaseMemory()
        }
    }
}
