import Foundation
import GRDB
import OpsDeckCore

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

extension CacheDatabase {
    /// Everything the UI shows, read in one transaction so the panes agree with each other.
    ///
    /// Accounts come sorted by name, pipeline runs and incidents newest first, OUs by path;
    /// roles and alarms in the order they were written (the UI sorts them as the user asks).
    /// The cost summary is aggregated in SQL for the UTC month of `now`.
    ///
    /// - Throws: `CacheError.readFailed`.
    public func snapshot(now: Date) throws -> OrgSnapshot {
        do {
            return try writer.read { db in try Self.readSnapshot(db, now: now) }
        } catch {
            throw CacheError.readFailed(operation: "the snapshot", reason: Self.reason(error))
        }
    }

    /// `snapshot(now:)` without blocking the caller's thread.
    public func snapshotAsync(now: Date) async throws -> OrgSnapshot {
        do {
            return try await writer.read { db in try Self.readSnapshot(db, now: now) }
        } catch {
            throw CacheError.readFailed(operation: "the snapshot", reason: Self.reason(error))
        }
    }

    static func readSnapshot(_ db: Database, now: Date) throws -> OrgSnapshot {
        var cache = DecodeCache()
        let version =
            try String.fetchOne(
                db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [MetaRecord.versionKey]
            )
            .flatMap { Int64($0) } ?? 0
        let organization = try OrganizationRecord.fetchOne(db)?.model
        let units = try OrgUnitRecord.order(OrgUnitRecord.Columns.path).fetchAll(db).map(\.model)
        let accounts = try collect(db, AccountRecord.selectSQL) { AccountRecord.decode($0, cache: &cache) }
        let roles = try collect(db, RoleRecord.selectSQL) { RoleRecord.decode($0, cache: &cache) }
        // Each refresh stores its rows newest first, so this sort only merges sorted runs.
        let runs = newestFirst(
            try collect(db, PipelineRunRecord.selectSQL) { PipelineRunRecord.decode($0, cache: &cache) })
        let alarms = try collect(db, AlarmRecord.selectSQL) { AlarmRecord.decode($0, cache: &cache) }
        let incidents = newestFirst(
            try collect(db, IncidentRecord.selectSQL) { IncidentRecord.decode($0, cache: &cache) })
        let statuses = try collect(db, SourceStatusRecord.selectSQL) {
            SourceStatusRecord.decode($0, cache: &cache)
        }
        .compactMap { $0 }
        var cost = try CostSummaryQuery(now: now).read(db, accounts: accounts)
        cost.billingAlarmThreshold = alarms.lazy.filter(\.isBillingAlarm).compactMap(\.threshold).min()
        var snapshot = OrgSnapshot(
            organization: organization, units: units, accounts: accounts, roles: roles, pipelineRuns: runs,
            alarms: alarms, incidents: incidents, cost: cost, statuses: statuses, version: version,
            pagerDutyServices: try readPagerDutyServices(db))
        try readMetricsCost(db, into: &snapshot)
        snapshot.pagerDuty = try readPagerDutySnapshot(db, now: now)
        return snapshot
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
