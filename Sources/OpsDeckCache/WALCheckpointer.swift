import GRDB

/// Its own connection to the cache file, used only for `PASSIVE` WAL checkpoints.
///
/// In WAL mode a checkpoint on another connection copies frames into the database file
/// while the writer keeps appending commits, so no commit waits for the database file's
/// `fsync`. Make one with `CacheDatabase.makeCheckpointer()`.
public final class WALCheckpointer: Sendable {
    private let queue: DatabaseQueue

    init(queue: DatabaseQueue) {
        self.queue = queue
    }

    /// Copies what it can of the WAL into the database file without waiting for anyone.
    ///
    /// - Returns: the frames in the WAL and how many of them are now in the database file.
    /// - Throws: `CacheError.writeFailed`.
    @discardableResult
    public func checkpoint() throws -> (walFrames: Int, checkpointed: Int) {
        do {
            return try queue.inDatabase { db in try Self.passive(db) }
        } catch {
            throw CacheError.writeFailed(
                operation: "a checkpoint of the cache's WAL", reason: CacheDatabase.reason(error))
        }
    }

    static func passive(_ db: Database) throws -> (walFrames: Int, checkpointed: Int) {
        guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return (0, 0) }
        let frames: Int = row[1] ?? 0
        let done: Int = row[2] ?? 0
        return (max(frames, 0), max(done, 0))
    }
}
