import GRDB

extension CacheDatabase {
    /// SQLite's default `wal_autocheckpoint`, restored after each durable ingest commit.
    static let autoCheckpointPages = 1000

    /// Copies the committed WAL frames back into the database file (a `PASSIVE` checkpoint:
    /// it never waits for readers), so the WAL can start over.
    ///
    /// `ingest(_:)` commits with automatic checkpoints off, because a checkpoint inside the
    /// commit makes every delivery of that batch wait for an extra `fsync` of the database
    /// file; the webhook writer calls this between batches instead, after answering.
    ///
    /// - Returns: the frames in the WAL and how many of them are now in the database file
    ///   (both 0 for an in-memory cache).
    /// - Throws: `CacheError.writeFailed`.
    @discardableResult
    public func checkpointAfterIngest() throws -> (walFrames: Int, checkpointed: Int) {
        guard path != nil else { return (0, 0) }
        do {
            return try writer.writeWithoutTransaction { db in
                guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else {
                    return (0, 0)
                }
                let frames: Int = row[1] ?? 0
                let done: Int = row[2] ?? 0
                return (max(frames, 0), max(done, 0))
            }
        } catch {
            throw CacheError.writeFailed(
                operation: "a checkpoint of the cache's WAL", reason: Self.reason(error))
        }
    }
}
