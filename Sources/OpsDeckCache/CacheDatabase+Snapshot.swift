import Dispatch
import Foundation
import GRDB
import OpsDeckCore

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

extension CacheDatabase {
    /// Everything the UI shows, as of one committed state of the cache, so the panes agree
    /// with each other.
    ///
    /// Accounts come sorted by name, pipeline runs and incidents newest first, OUs by path;
    /// roles and alarms in the order they were written (the UI sorts them as the user asks).
    /// The cost summary is aggregated in SQL for the UTC month of `now`.
    ///
    /// On a file the tables are read in two halves on two connections at once (see
    /// `SnapshotHalves`), which both cores share; both halves check they saw the same
    /// cache version, and fall back to one transaction when a write slipped in between.
    ///
    /// - Throws: `CacheError.readFailed`.
    public func snapshot(now: Date) throws -> OrgSnapshot {
        do {
            if let pool = writer as? DatabasePool, let snapshot = try Self.readInHalves(pool, now: now) {
                return snapshot
            }
            return try writer.read { db in try Self.readSnapshot(db, now: now) }
        } catch {
            throw CacheError.readFailed(operation: "the snapshot", reason: Self.reason(error))
        }
    }

    /// The snapshot read in one transaction on one connection, as before the halves: for
    /// comparison in the benchmark.
    public func snapshotInOneTransaction(now: Date) throws -> OrgSnapshot {
        do {
            return try writer.read { db in try Self.readSnapshot(db, now: now) }
        } catch {
            throw CacheError.readFailed(operation: "the snapshot", reason: Self.reason(error))
        }
    }

    /// The CPU time each half of the snapshot read takes, read one after the other: for the
    /// benchmark, which cannot time the parallel read fairly on a loaded machine. With two
    /// free cores the read takes about as long as the larger half.
    public func snapshotHalvesCPUTime(now: Date) throws -> (first: Duration, second: Duration) {
        do {
            let first = try writer.read { db in
                try Self.threadCPUTime { _ = try SnapshotHalves.readFirst(db, now: now) }
            }
            let second = try writer.read { db in
                try Self.threadCPUTime { _ = try SnapshotHalves.readSecond(db, now: now) }
            }
            return (first, second)
        } catch {
            throw CacheError.readFailed(operation: "the snapshot", reason: Self.reason(error))
        }
    }

    /// The CPU time the calling thread spends in `body`.
    static func threadCPUTime(_ body: () throws -> Void) rethrows -> Duration {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        try body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        let nanoseconds = (end.tv_sec - start.tv_sec) * 1_000_000_000 + (end.tv_nsec - start.tv_nsec)
        return .nanoseconds(Int64(nanoseconds))
    }

    /// `snapshot(now:)` without blocking the caller's thread.
    public func snapshotAsync(now: Date) async throws -> OrgSnapshot {
        do {
            if let pool = writer as? DatabasePool {
                async let first = pool.read { db in try SnapshotHalves.readFirst(db, now: now) }
                async let second = pool.read { db in try SnapshotHalves.readSecond(db, now: now) }
                if let snapshot = SnapshotHalves.merge(try await first, try await second) {
                    return snapshot
                }
            }
            return try await writer.read { db in try Self.readSnapshot(db, now: now) }
        } catch {
            throw CacheError.readFailed(operation: "the snapshot", reason: Self.reason(error))
        }
    }

    /// Reads the two halves on two pooled connections at once; nil when they saw different
    /// versions of the cache (a write committed between their starts).
    static func readInHalves(_ pool: DatabasePool, now: Date) throws -> OrgSnapshot? {
        var first: Result<SnapshotHalves.First, any Error> = .failure(CancellationError())
        var second: Result<SnapshotHalves.Second, any Error> = .failure(CancellationError())
        // concurrentPerform runs one half on this thread and one on a worker: no thread is
        // created, and both are done when it returns.
        withUnsafeMutablePointer(to: &first) { firstSlot in
            withUnsafeMutablePointer(to: &second) { secondSlot in
                nonisolated(unsafe) let firstSlot = firstSlot
                nonisolated(unsafe) let secondSlot = secondSlot
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    if half == 0 {
                        firstSlot.pointee = Result {
                            try pool.read { db in try SnapshotHalves.readFirst(db, now: now) }
                        }
                    } else {
                        secondSlot.pointee = Result {
                            try pool.read { db in try SnapshotHalves.readSecond(db, now: now) }
                        }
                    }
                }
            }
        }
        return SnapshotHalves.merge(try first.get(), try second.get())
    }

    /// The whole snapshot in one transaction on one connection: an in-memory cache, or when
    /// the halves disagree.
    static func readSnapshot(_ db: Database, now: Date) throws -> OrgSnapshot {
        let first = try SnapshotHalves.readFirst(db, now: now)
        let second = try SnapshotHalves.readSecond(db, now: now)
        // One transaction: the versions cannot differ.
        return SnapshotHalves.merged(first, second)
    }

    /// The version the cache's last write left: every write transaction bumps it.
    static func readVersion(_ db: Database) throws -> Int64 {
        try String.fetchOne(
            db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MetaRecord.versionKey]
        )
        .flatMap { Int64($0) } ?? 0
    }

    /// Reads every row of `sql` through the C API (see `RawRow`): the hot path of a snapshot.
    static func collect<T>(_ db: Database, _ sql: String, _ decode: (RawRow) -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(db, sql: sql) { result.append(decode($0)) }
        return result
    }

    /// Runs a cached statement and hands each row to `body`, resetting the statement after.
    static func forEachRow(
        _ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
        _ body: (RawRow) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: sql)
        // Resets the statement and binds; the SQL is ours, so the count always matches.
        statement.setUncheckedArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
            try body(RawRow(handle: handle))
        }
    }
}
