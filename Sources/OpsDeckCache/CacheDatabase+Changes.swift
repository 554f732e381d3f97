import Foundation
import GRDB
import OpsDeckCore

extension CacheDatabase {
    /// A snapshot now, then a new one whenever the cache changes, including writes by another
    /// process on the same file (GRDB's own observation only sees this process's writes).
    ///
    /// Every `interval` it compares `PRAGMA data_version`, read on a connection of its own
    /// that never writes, and this process's write count; only a change (or a new UTC day,
    /// which moves the cost periods) costs a snapshot read. Reads happen off the caller's
    /// actor. A consumer that falls behind gets only the newest snapshot. The polling stops
    /// when the consumer cancels or drops the stream.
    ///
    /// - Parameters:
    ///   - now: the time each snapshot is taken for.
    ///   - interval: how often to look for changes.
    ///   - onError: told when a snapshot could not be read; the stream tries again at the
    ///     next change.
    ///   - knownVersion: the version of a snapshot the caller already holds; the stream then
    ///     starts with a snapshot only if the cache has moved on since, instead of reading
    ///     (and holding) the whole organization a second time.
    public func changes(
        now: @escaping @Sendable () -> Date, interval: Duration = .milliseconds(250),
        onError: (@Sendable (CacheError) -> Void)? = nil, knownVersion: Int64? = nil
    ) -> AsyncStream<OrgSnapshot> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: OrgSnapshot.self, bufferingPolicy: .bufferingNewest(1))
        let task = Task.detached(priority: .userInitiated) { [self] in
            let probe = path.flatMap { try? ChangeProbe(path: $0) }
            var seen: ChangeMark?
            var skipIfAt = knownVersion
            while !Task.isCancelled {
                let date = now()
                let mark = ChangeMark(
                    dataVersion: probe?.dataVersion(), writes: writes.value, day: UTCCalendar.dayString(date))
                // The mark is taken first, so a write after this version check is seen next round.
                if let known = skipIfAt {
                    skipIfAt = nil
                    if (try? currentVersion()) == known { seen = mark }
                }
                if mark != seen {
                    // The mark is taken before the read, so a write racing the read is seen
                    // on the next round rather than lost.
                    seen = mark
                    do {
                        continuation.yield(try await snapshotAsync(now: date))
                    } catch {
                        // Reported once; retried when the cache changes (a rebuild, a refresh).
                        onError?(
                            error as? CacheError ?? .readFailed(operation: "the snapshot", reason: "\(error)")
                        )
                    }
                }
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    break
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

/// What tells a poller the cache may have changed since it last looked.
private struct ChangeMark: Equatable {
    /// nil without a file to probe (an in-memory cache) or when the probe failed.
    var dataVersion: Int64?
    var writes: Int64
    var day: String
}

/// A dedicated connection that only reads `PRAGMA data_version`, which changes when any
/// other connection, in this process or another, commits. It must be its own connection:
/// the value is per connection, and a pooled reader would compare unrelated values.
private final class ChangeProbe {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "opsdeck.cache.probe"
        configuration.busyMode = .timeout(1)
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    func dataVersion() -> Int64? {
        try? queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }
    }
}

extension CacheDatabase {
    /// The cache's write version alone: what a snapshot's `version` would be now.
    public func currentVersion() throws -> Int64 {
        Int64(try metaValue(forKey: MetaRecord.versionKey) ?? "0") ?? 0
    }
}
