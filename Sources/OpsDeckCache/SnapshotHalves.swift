import Foundation
import GRDB
import OpsDeckCore

/// The snapshot's tables in two halves of about equal work, so two connections can read
/// them at once: the organization, accounts, roles and cost; the pipeline runs, alarms,
/// incidents and statuses (measured on the large demo with `opsdeck-bench`: roles decode
/// cheaply, runs and the cost window do not).
///
/// Each half starts by reading the cache version, which is also what fixes its WAL read
/// snapshot; every write transaction bumps the version, so two halves that saw the same
/// version read the same committed state.
enum SnapshotHalves {
    struct First {
        /// The organization, accounts, roles, cost and what other features add to a snapshot
        /// (PagerDuty, metric series, cost anomalies); the cost still without the billing
        /// alarm's threshold, as the alarms are in the other half.
        var snapshot: OrgSnapshot
        var version: Int64 { snapshot.version }
    }

    struct Second {
        var version: Int64
        var runs: [PipelineRun]
        var alarms: [Alarm]
        var incidents: [Incident]
        var statuses: [SourceStatus]
    }

    static func readFirst(_ db: Database, now: Date) throws -> First {
        var cache = DecodeCache()
        let version = try CacheDatabase.readVersion(db)
        let organization = try OrganizationRecord.fetchOne(db)?.model
        let units = try OrgUnitRecord.order(OrgUnitRecord.Columns.path).fetchAll(db).map(\.model)
        let accounts = try CacheDatabase.collect(db, AccountRecord.selectSQL) {
            AccountRecord.decode($0, cache: &cache)
        }
        let roles = try CacheDatabase.collect(db, RoleRecord.selectSQL) {
            RoleRecord.decode($0, cache: &cache)
        }
        let cost = try CostSummaryQuery(now: now).read(db, accounts: accounts)
        var snapshot = OrgSnapshot(
            organization: organization, units: units, accounts: accounts, roles: roles, cost: cost,
            version: version, pagerDutyServices: try CacheDatabase.readPagerDutyServices(db))
        // Features that add to the snapshot read their tables here, one line each.
        try CacheDatabase.readMetricsCost(db, into: &snapshot)
        snapshot.pagerDuty = try CacheDatabase.readPagerDutySnapshot(db, now: now)
        return First(snapshot: snapshot)
    }

    static func readSecond(_ db: Database, now: Date) throws -> Second {
        var cache = DecodeCache()
        let version = try CacheDatabase.readVersion(db)
        // Each refresh stores its rows newest first, so this sort only merges sorted runs.
        let runs = CacheDatabase.newestFirst(
            try CacheDatabase.collect(db, PipelineRunRecord.selectSQL) {
                PipelineRunRecord.decode($0, cache: &cache)
            })
        let alarms = try CacheDatabase.collect(db, AlarmRecord.selectSQL) {
            AlarmRecord.decode($0, cache: &cache)
        }
        let incidents = CacheDatabase.newestFirst(
            try CacheDatabase.collect(db, IncidentRecord.selectSQL) {
                IncidentRecord.decode($0, cache: &cache)
            })
        let statuses = try CacheDatabase.collect(db, SourceStatusRecord.selectSQL) {
            SourceStatusRecord.decode($0, cache: &cache)
        }
        .compactMap { $0 }
        return Second(version: version, runs: runs, alarms: alarms, incidents: incidents, statuses: statuses)
    }

    /// The snapshot of both halves, or nil when they read different versions of the cache.
    static func merge(_ first: First, _ second: Second) -> OrgSnapshot? {
        guard first.version == second.version else { return nil }
        return merged(first, second)
    }

    /// Both halves as one snapshot, trusting that they read the same state.
    static func merged(_ first: First, _ second: Second) -> OrgSnapshot {
        var snapshot = first.snapshot
        snapshot.pipelineRuns = second.runs
        snapshot.alarms = second.alarms
        snapshot.incidents = second.incidents
        snapshot.statuses = second.statuses
        snapshot.cost.billingAlarmThreshold =
            second.alarms.lazy.filter(\.isBillingAlarm).compactMap(\.threshold).min()
        return snapshot
    }
}
