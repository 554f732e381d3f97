import Foundation
import GRDB
import OpsDeckCore

extension CacheDatabase {
    /// Replaces one source's rows for one account and region with a fresh fetch, and marks
    /// the fetch a success, in one transaction: readers see all of the old rows or all of
    /// the new ones, never a mix. If anything fails, the old rows and status are kept.
    ///
    /// Global sources use the management account (Organizations, Cost Explorer) or
    /// `CacheDatabase.anyAccount` (PagerDuty), with region `CacheDatabase.globalRegion`.
    /// Roles belong to the given account; alarms and pipeline runs to the account and region.
    ///
    /// - Throws: `CacheError.sourceMismatch` or `.recordOutsideScope` when the rows do not
    ///   belong to this refresh, `.writeFailed` when SQLite refuses them.
    public func replace(
        source: Source, accountId: String, region: String, fetchedAt: Date, with records: SourceRecords
    ) throws {
        guard records.source == source else {
            throw CacheError.sourceMismatch(source: source, records: records.kindName)
        }
        let scope = RefreshScope(source: source, accountId: accountId, region: region, fetchedAt: fetchedAt)
        try Self.validate(records, in: scope)
        try write(scope.label) { db in
            try Self.deleteRows(of: scope, in: db)
            try Self.insert(records, scope: scope, in: db)
            try Self.markSuccess(scope, in: db)
        }
    }

    /// Records a failed fetch: the error and the attempt time. The rows of the last success
    /// stay, so the UI keeps showing them, marked with their age and the error.
    ///
    /// - Parameter message: what the user should see; never a secret.
    public func recordFailure(
        source: Source, accountId: String, region: String, at date: Date, message: String
    )
        throws
    {
        try write("the \(source.rawValue) status") { db in
            let statement = try db.cachedStatement(sql: SourceStatusRecord.upsertFailureSQL)
            try statement.execute(
                arguments: [source.rawValue, accountId, region, date.timeIntervalSinceReferenceDate, message])
        }
    }

    /// Stores (or with nil, clears) what the header shows about the organization and caller.
    public func setOrganization(_ info: OrganizationInfo?, fetchedAt: Date) throws {
        try write("the organization") { db in
            _ = try OrganizationRecord.deleteAll(db)
            if let info { try OrganizationRecord(info, fetchedAt: fetchedAt).insert(db) }
        }
    }

    /// Adds to today's (UTC) count of Cost Explorer requests, each of which AWS charges for.
    public func recordCostExplorerRequests(_ count: Int = 1, at date: Date) throws {
        try write("the Cost Explorer request count") { db in
            try db.execute(
                sql: """
                    INSERT INTO counters (name, day, value) VALUES (?, ?, ?)
                    ON CONFLICT (name, day) DO UPDATE SET value = value + excluded.value
                    """,
                arguments: [CounterRecord.costExplorerRequests, UTCCalendar.dayString(date), count])
        }
    }

    /// A value the app keeps about the cache itself (e.g. which demo it holds).
    public func metaValue(forKey key: String) throws -> String? {
        do {
            return try writer.read { db in try MetaRecord.fetchOne(db, key: key)?.value }
        } catch {
            throw CacheError.readFailed(operation: "the \(key) setting", reason: Self.reason(error))
        }
    }

    /// Stores (or with nil, removes) a value about the cache itself.
    public func setMetaValue(_ value: String?, forKey key: String) throws {
        guard key != MetaRecord.versionKey else { return }
        try write("the \(key) setting") { db in
            if let value {
                try MetaRecord(key: key, value: value).upsert(db)
            } else {
                _ = try MetaRecord.deleteOne(db, key: key)
            }
        }
    }

    /// Runs one write transaction that also bumps the cache version, and tells observers in
    /// this process once it has committed.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        let result: T
        do {
            result = try writer.write { db in
                let value = try body(db)
                try db.execute(
                    sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = ?",
                    arguments: [MetaRecord.versionKey])
                return value
            }
        } catch let error as CacheError {
            throw error
        } catch {
            throw CacheError.writeFailed(operation: operation, reason: Self.reason(error))
        }
        writes.increment()
        return result
    }

    /// Rows of another account or region would outlive the next refresh of their own scope.
    static func validate(_ records: SourceRecords, in scope: RefreshScope) throws {
        func outside(_ found: String) -> CacheError {
            .recordOutsideScope(
                source: scope.source, expected: "\(scope.accountId)/\(scope.region)", found: found)
        }
        switch records {
        case .roles(let roles):
            if let role = roles.first(where: { $0.accountId != scope.accountId }) {
                throw outside("\(role.accountId) (\(role.arn))")
            }
        case .alarms(let alarms):
            if let alarm = alarms.first(where: {
                $0.accountId != scope.accountId || $0.region != scope.region
            }) {
                throw outside("\(alarm.accountId)/\(alarm.region) (\(alarm.name))")
            }
        case .pipelineRuns(let runs):
            if let run = runs.first(where: { $0.accountId != scope.accountId || $0.region != scope.region }) {
                throw outside("\(run.accountId)/\(run.region) (\(run.name))")
            }
        case .organizations, .incidents, .cost:
            break
        }
    }

    static func tables(of source: Source) -> [String] {
        switch source {
        case .organizations: [AccountRecord.databaseTableName, OrgUnitRecord.databaseTableName]
        case .roles: [RoleRecord.databaseTableName]
        case .alarms: [AlarmRecord.databaseTableName, MetricSeriesRecord.databaseTableName]
        case .incidents: [IncidentRecord.databaseTableName]
        case .pipelines: [PipelineRunRecord.databaseTableName]
        case .cost:
            [
                CostPointRecord.databaseTableName, CostForecastRecord.databaseTableName,
                BudgetRecord.databaseTableName, CostAnomalyRecord.databaseTableName,
            ]
        }
    }

    static func deleteRows(of scope: RefreshScope, in db: Database) throws {
        for table in tables(of: scope.source) {
            try db.execute(
                sql: "DELETE FROM \(table) WHERE account_id = ? AND region = ? AND source = ?",
                arguments: [scope.accountId, scope.region, scope.source.rawValue])
        }
    }

    static func insert(_ records: SourceRecords, scope: RefreshScope, in db: Database) throws {
        switch records {
        case .organizations(let accounts, let units):
            for unit in units { try OrgUnitRecord(unit, scope: scope).insert(db) }
            try AccountRecord.bulkInsert(accounts.lazy.map { AccountRecord($0, scope: scope) }, in: db)
        case .roles(let roles):
            try RoleRecord.bulkInsert(roles.lazy.map { RoleRecord($0, scope: scope) }, in: db)
        case .alarms(let alarms):
            try AlarmRecord.bulkInsert(alarms.lazy.map { AlarmRecord($0, scope: scope) }, in: db)
        case .incidents(let incidents):
            try IncidentRecord.bulkInsert(
                newestFirst(incidents).lazy.map { IncidentRecord($0, scope: scope) }, in: db)
        case .pipelineRuns(let runs):
            try PipelineRunRecord.bulkInsert(
                newestFirst(runs).lazy.map { PipelineRunRecord($0, scope: scope) }, in: db)
        case .cost(let cost):
            try CostPointRecord.bulkInsert(
                cost.daily.lazy.map { CostPointRecord($0, granularity: .daily, scope: scope) }, in: db)
            try CostPointRecord.bulkInsert(
                cost.monthly.lazy.map { CostPointRecord($0, granularity: .monthly, scope: scope) }, in: db)
            for budget in cost.budgets { try BudgetRecord(budget, scope: scope).insert(db) }
            if let forecast = cost.forecast { try CostForecastRecord(forecast, scope: scope).insert(db) }
            try insertAnomalies(cost.anomalies, scope: scope, in: db)
        }
    }

    static func markSuccess(_ scope: RefreshScope, in db: Database) throws {
        let statement = try db.cachedStatement(sql: SourceStatusRecord.upsertSuccessSQL)
        let time = scope.fetchedAt.timeIntervalSinceReferenceDate
        statement.setUncheckedArguments([scope.source.rawValue, scope.accountId, scope.region, time, time])
        try statement.execute()
    }

    /// Rows are stored in the order the snapshot returns them, so sorting a snapshot (an
    /// adaptive sort over runs of sorted rows) costs almost nothing.
    static func newestFirst(_ runs: [PipelineRun]) -> [PipelineRun] {
        runs.sorted { $0.startedAt != $1.startedAt ? $0.startedAt > $1.startedAt : $0.id < $1.id }
    }

    static func newestFirst(_ incidents: [Incident]) -> [Incident] {
        incidents.sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }
    }
}
