import Foundation
import GRDB
import OpsDeckCore

extension CacheDatabase {
    /// Replaces everything in the cache with `contents`, as if every source had just been
    /// fetched successfully at `fetchedAt` for every account and region, in one transaction.
    ///
    /// Rows are grouped into the scopes `replace` would use, so later per-source refreshes
    /// replace them normally: roles per account (region `global`), alarms and pipeline runs
    /// per account and region, Organizations and Cost through the management account,
    /// PagerDuty as `anyAccount`. Every active account gets a status for every region of the
    /// organization even when it has no rows, as a real refresh would record.
    ///
    /// Meant for the demo and fixtures: the large demo (about 150,000 rows) is written with
    /// prepared statements in about a second (release build).
    public func replaceAll(with contents: CacheContents, fetchedAt: Date) throws {
        let management =
            contents.organization?.managementAccountId
            ?? contents.accounts.first(where: \.isManagement)?.id ?? Self.anyAccount
        let global = Self.globalRegion
        let regions = contents.organization?.regions ?? []
        try write("the whole organization") { db in
            try Self.deleteEverything(in: db)
            if let organization = contents.organization {
                try OrganizationRecord(organization, fetchedAt: fetchedAt).insert(db)
            }
            func scope(_ source: Source, _ account: String, _ region: String) -> RefreshScope {
                RefreshScope(source: source, accountId: account, region: region, fetchedAt: fetchedAt)
            }
            var succeeded = Set<RefreshScope>()

            let orgScope = scope(.organizations, management, global)
            try Self.insert(
                .organizations(accounts: contents.accounts, units: contents.units), scope: orgScope, in: db)
            succeeded.insert(orgScope)

            // Scopes of accounts with nothing to show still had a successful fetch.
            for account in contents.accounts where account.status == .active {
                succeeded.insert(scope(.roles, account.id, global))
                for region in regions {
                    succeeded.insert(scope(.alarms, account.id, region))
                    succeeded.insert(scope(.pipelines, account.id, region))
                }
            }
            try RoleRecord.bulkInsert(
                contents.roles.lazy.map { role in
                    RoleRecord(role, scope: scope(.roles, role.accountId, global))
                }, in: db)
            for role in contents.roles { succeeded.insert(scope(.roles, role.accountId, global)) }
            try AlarmRecord.bulkInsert(
                contents.alarms.lazy.map { alarm in
                    AlarmRecord(alarm, scope: scope(.alarms, alarm.accountId, alarm.region))
                }, in: db)
            for alarm in contents.alarms { succeeded.insert(scope(.alarms, alarm.accountId, alarm.region)) }
            for series in contents.metricSeries {
                try Self.insertSeries(
                    [series], scope: scope(.alarms, series.accountId, series.region), in: db)
            }
            try PipelineRunRecord.bulkInsert(
                Self.newestFirst(contents.pipelineRuns).lazy.map { run in
                    PipelineRunRecord(run, scope: scope(.pipelines, run.accountId, run.region))
                }, in: db)
            for run in contents.pipelineRuns {
                succeeded.insert(scope(.pipelines, run.accountId, run.region))
            }

            let incidentScope = scope(.incidents, Self.anyAccount, global)
            try Self.insert(.incidents(contents.incidents), scope: incidentScope, in: db)
            succeeded.insert(incidentScope)

            let costScope = scope(.cost, management, global)
            try Self.insert(.cost(contents.cost), scope: costScope, in: db)
            succeeded.insert(costScope)

            for status in succeeded { try Self.markSuccess(status, in: db) }
            if contents.costExplorerRequests > 0 {
                try CounterRecord(
                    name: CounterRecord.costExplorerRequests, day: UTCCalendar.dayString(fetchedAt),
                    value: contents.costExplorerRequests
                ).upsert(db)
            }
        }
        // Readers keep going through the WAL until it is reset; move this large write into the
        // main file now so the first snapshot does not. Harmless if a reader is in the way.
        _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    private static func deleteEverything(in db: Database) throws {
        let tables =
            Source.allCases.flatMap(tables(of:)) + [
                OrganizationRecord.databaseTableName, SourceStatusRecord.databaseTableName,
                CounterRecord.databaseTableName,
            ]
        for table in tables { try db.execute(sql: "DELETE FROM \(table)") }
    }
}
