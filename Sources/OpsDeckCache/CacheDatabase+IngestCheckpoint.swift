import GRDB

extension CacheDatabase {
    /// SQLite's default `wal_autocheckpoint`, restored after each durable ingest commit.
    static let autoCheckpointPages = 1000

    /// Copies the committed WAL frames back into the database file (a `PASSIVE` checkpoint:
    /// it never waits for readers) on the writer connection, so that the next write can
    /// start the WAL over.
    ///
    /// `ingest(_:)` commits with automatic checkpoints off, because a checkpoint inside the
    /// commit makes every delivery of that batch wait for an extra `fsync` of the database
    /// file; the webhook writer calls this when its queue is empty, and a `WALCheckpointer`
    /// does the bulk of the copying next to the commits meanwhile.
    ///
    /// - Returns: the frames in the WAL and how many of them are now in the database file
    ///   (both 0 for an in-memory cache).
    /// - Throws: `CacheError.writeFailed`.
    @discardableResult
    public func checkpointAfterIngest() throws -> (walFrames: Int, checkpointed: Int) {
        guard path != nil else { return (0, 0) }
        do {
            return try writer.writeWithoutTransaction { db in try WALCheckpointer.passive(db) }
        } catch {
            throw CacheError.writeFailed(
                operation: "a checkpoint of the cache's WAL", reason: Self.reason(error))
        }
    }

    /// A second connection to the cache file that only checkpoints, so that checkpoints run
    /// alongside the webhook writer's commits instead of between them; nil in memory.
    ///
    /// - Throws: `CacheError.cannotOpen`.
    public func makeCheckpointer() throws -> WALCheckpointer? {
        guard let path else { return nil }
        do {
            var configuration = Self.configuration(label: "opsdeck.cache.checkpoint")
            configuration.maximumReaderCount = 1
            return WALCheckpointer(queue: try DatabaseQueue(path: path, configuration: configuration))
        } catch {
            throw CacheError.cannotOpen(path: path, reason: Self.reason(error))
        }
    }
}
