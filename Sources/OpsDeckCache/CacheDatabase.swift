import Foundation
import GRDB
import OpsDeckCore

/// The local SQLite cache: the only place OpsDeck keeps fetched data, and the only thing
/// the UI reads.
///
/// Providers write each fetch with `replace(source:accountId:region:fetchedAt:with:)` (one
/// transaction per fetch, so the cache never holds half a refresh); the UI reads
/// `snapshot(now:)` or observes `changes(now:interval:)`, which also sees writes made by
/// another OpsDeck process on the same file.
public final class CacheDatabase: Sendable {
    /// The account id of data fetched for no account in particular (PagerDuty).
    public static let anyAccount = "*"
    /// The region of global sources (Organizations, IAM, Cost Explorer, PagerDuty).
    public static let globalRegion = "global"

    /// The database file, or nil for an in-memory cache.
    public let path: String?

    let writer: any DatabaseWriter
    let writes = WriteCounter()

    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// An empty, migrated cache in memory, for tests and previews.
    ///
    /// Only this process can see it; observation across processes needs a file
    /// (`open(at:)` on a temporary path).
    public static func inMemory() throws -> CacheDatabase {
        do {
            let queue = try DatabaseQueue(configuration: configuration(label: "opsdeck.cache.memory"))
            try CacheSchema.migrator.migrate(queue)
            return CacheDatabase(writer: queue, path: nil)
        } catch {
            throw CacheError.cannotOpen(path: ":memory:", reason: Self.reason(error))
        }
    }

    static func configuration(label: String) -> Configuration {
        var configuration = Configuration()
        configuration.label = label
        // Another OpsDeck process may be writing; wait for it rather than fail.
        configuration.busyMode = .timeout(5)
        // Each reader keeps its own page cache; the UI reads one snapshot at a time.
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            // Only takes effect on a new file, before WAL is on. A snapshot reads most of the
            // file; bigger pages mean a quarter of the reads through the OS.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // The cache can be rebuilt from the network, so it trades the last commit on a
            // power loss for speed; WAL keeps it consistent either way.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A large refresh grows the WAL; give the space back once it is checkpointed.
            try db.execute(sql: "PRAGMA journal_size_limit = 4194304")
        }
        return configuration
    }

    /// A short, user-facing reason for a GRDB or system error.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        if let error = error as? CacheError { return error.description }
        return "\(error)"
    }
}
