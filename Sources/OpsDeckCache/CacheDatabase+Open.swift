import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CacheDatabase {
    /// How much checking `open(at:)` does before trusting an existing file.
    public enum IntegrityCheck: Sendable {
        /// `PRAGMA quick_check`: reads every page once (about 35 ms for the 40 MB large demo,
        /// a millisecond or two for a typical cache).
        case quick
        /// Only what opening and migrating prove (the header and the schema); damage deeper
        /// in the file then surfaces as a read error.
        case schemaOnly
    }

    /// Opens (creating if needed) the cache at `path` in WAL mode and brings its schema up to date.
    ///
    /// Missing directories are created 0700, the file 0600 (SQLite gives its `-wal` and `-shm`
    /// files the database file's mode). A file that is not a database, fails the integrity
    /// check or cannot be migrated is moved aside as `<name>.corrupt-<UTC stamp>` (with its
    /// `-wal` and `-shm`) and a fresh cache is built in its place: the cache only holds what
    /// can be fetched again.
    ///
    /// - Parameters:
    ///   - path: the database file, e.g. `CachePaths.cacheFile`.
    ///   - check: how thoroughly to check an existing file.
    ///   - now: names the moved-aside file.
    /// - Returns: the cache, and when a damaged file was moved aside, a message naming both
    ///   paths for the app to show.
    /// - Throws: `CacheError` when the directory cannot be created or the file cannot be
    ///   opened even after moving it aside.
    public static func open(
        at path: String, check: IntegrityCheck = .quick, now: Date = Date()
    ) throws -> (database: CacheDatabase, recovered: String?) {
        try ensureDirectory((path as NSString).deletingLastPathComponent)
        do {
            return (try openChecked(path: path, check: check), nil)
        } catch OpenFailure.damaged(let reason) {
            let aside = try moveAside(path, now: now)
            do {
                let database = try openChecked(path: path, check: check)
                let message =
                    "The cache \(path) could not be read (\(reason)); it was moved to \(aside) "
                    + "and a new cache was created."
                return (database, message)
            } catch OpenFailure.damaged(let reason) {
                throw CacheError.cannotOpen(path: path, reason: reason)
            } catch OpenFailure.unusable(let reason) {
                throw CacheError.cannotOpen(path: path, reason: reason)
            }
        } catch OpenFailure.unusable(let reason) {
            throw CacheError.cannotOpen(path: path, reason: reason)
        }
    }

    private enum OpenFailure: Error {
        /// The file itself is bad: moving it aside and starting again helps.
        case damaged(String)
        /// Something around the file is wrong (locked, disk full, no permission on the
        /// directory): starting again would not help and could lose a good file.
        case unusable(String)
    }

    private static func openChecked(path: String, check: IntegrityCheck) throws -> CacheDatabase {
        if FileManager.default.fileExists(atPath: path) && access(path, R_OK | W_OK) != 0 {
            // Left behind by another user or a bad chmod: it can only be replaced.
            throw OpenFailure.damaged("permission denied")
        }
        try ensureFile(path)
        if let header = FileManager.default.contents(atPath: path, maxLength: 16), !header.isEmpty,
            header != sqliteHeader
        {
            // Caught before SQLite opens it: SQLite would delete the companion -wal on closing,
            // and it belongs with the file that is moved aside.
            throw OpenFailure.damaged("not an SQLite database")
        }
        let pool: DatabasePool
        do {
            var configuration = configuration(label: "opsdeck.cache")
            configuration.prepareDatabase { db in
                // A snapshot is read on two connections at once, each scanning its tables
                // once: a smaller page cache per connection (512 KiB, not 2 MiB) keeps the
                // second reader from costing memory without slowing a single pass.
                try db.execute(sql: "PRAGMA cache_size = -512")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw classify(error)
        }
        if check == .quick {
            let result: [String]
            do {
                result = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            } catch {
                throw classify(error)
            }
            if result != ["ok"] {
                let detail = result.prefix(3).joined(separator: "; ")
                throw OpenFailure.damaged("integrity check failed: \(detail)")
            }
        }
        do {
            try CacheSchema.migrator.migrate(pool)
        } catch let error as DatabaseError where isEnvironmental(error.resultCode) {
            throw OpenFailure.unusable(reason(error))
        } catch {
            throw OpenFailure.damaged("migration failed: \(reason(error))")
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            _ = chmod(path + suffix, 0o600)
        }
        return CacheDatabase(writer: pool, path: path)
    }

    /// Errors that say the file is bad, as opposed to its surroundings.
    private static func classify(_ error: any Error) -> OpenFailure {
        guard let error = error as? DatabaseError else { return .unusable(reason(error)) }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT:
            return .damaged(reason(error))
        default:
            return .unusable(reason(error))
        }
    }

    /// The first 16 bytes of every SQLite 3 database file.
    private static let sqliteHeader = Data("SQLite format 3\u{0}".utf8)

    private static func isEnvironmental(_ code: ResultCode) -> Bool {
        switch code.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_NOMEM, .SQLITE_READONLY,
            .SQLITE_INTERRUPT:
            true
        default:
            false
        }
    }

    /// Creates missing directories 0700, one level at a time so each gets that mode.
    static func ensureDirectory(_ directory: String) throws {
        guard !directory.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw CacheError.cannotCreateDirectory(path: directory, reason: "a file of that name exists")
        }
        try ensureDirectory((directory as NSString).deletingLastPathComponent)
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw CacheError.cannotCreateDirectory(path: directory, reason: String(cString: strerror(errno)))
        }
        // The umask may have removed bits, never added: make the mode exact.
        _ = chmod(directory, 0o700)
    }

    /// Creates the database file 0600 before SQLite does, so it never exists with a wider mode.
    private static func ensureFile(_ path: String) throws {
        if !createFile(path, mode: 0o600) {
            throw OpenFailure.unusable(String(cString: strerror(errno)))
        }
        _ = chmod(path, 0o600)
    }

    /// Renames the file and its WAL companions to `<name>.corrupt-<stamp>[-wal|-shm]`.
    private static func moveAside(_ path: String, now: Date) throws -> String {
        var aside = "\(path).corrupt-\(UTCCalendar.fileStamp(now))"
        var attempt = 1
        while FileManager.default.fileExists(atPath: aside) {
            aside = "\(path).corrupt-\(UTCCalendar.fileStamp(now))-\(attempt)"
            attempt += 1
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            if rename(path + suffix, aside + suffix) != 0 {
                throw CacheError.cannotMoveAside(
                    path: path + suffix, reason: String(cString: strerror(errno)))
            }
        }
        return aside
    }
}

/// `open(2)` with `O_CREAT`, outside the extension where `open` names `CacheDatabase.open(at:)`.
private func createFile(_ path: String, mode: mode_t) -> Bool {
    let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, mode)
    guard descriptor >= 0 else { return false }
    close(descriptor)
    return true
}

extension FileManager {
    /// Up to `maxLength` bytes from the start of the file, or nil if it cannot be read.
    fileprivate func contents(atPath path: String, maxLength: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: maxLength) ?? Data()
    }
}
