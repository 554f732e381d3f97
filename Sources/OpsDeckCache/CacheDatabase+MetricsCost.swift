import Foundation
import GRDB
import OpsDeckCore

extension CacheDatabase {
    /// Replaces one account's alarms in one region, and the metric series of those in ALARM,
    /// and marks the fetch a success, in one transaction (see `replace`): the sparkline of
    /// an alarm never outlives the alarm, nor shows another fetch's points.
    ///
    /// - Throws: `CacheError.recordOutsideScope` when an alarm or series belongs to another
    ///   account or region, `.writeFailed` when SQLite refuses them.
    public func replaceAlarms(
        _ alarms: [Alarm], series: [MetricSeries], accountId: String, region: String, fetchedAt: Date
    ) throws {
        let scope = RefreshScope(source: .alarms, accountId: accountId, region: region, fetchedAt: fetchedAt)
        try Self.validate(.alarms(alarms), in: scope)
        if let outside = series.first(where: { $0.accountId != accountId || $0.region != region }) {
            throw CacheError.recordOutsideScope(
                source: .alarms, expected: "\(accountId)/\(region)",
                found: "\(outside.accountId)/\(outside.region) (\(outside.alarmArn))")
        }
        try write(scope.label) { db in
            try Self.deleteRows(of: scope, in: db)
            try Self.insert(.alarms(alarms), scope: scope, in: db)
            try Self.insertSeries(series, scope: scope, in: db)
            try Self.markSuccess(scope, in: db)
        }
    }

    static func insertSeries(_ series: [MetricSeries], scope: RefreshScope, in db: Database) throws {
        for item in series { try MetricSeriesRecord(item, scope: scope).upsert(db) }
    }

    static func insertAnomalies(_ anomalies: [CostAnomaly], scope: RefreshScope, in db: Database) throws {
        for anomaly in anomalies { try CostAnomalyRecord(anomaly, scope: scope).upsert(db) }
    }

    /// Adds the metric series and the cost anomalies to a snapshot being read.
    static func readMetricsCost(_ db: Database, into snapshot: inout OrgSnapshot) throws {
        let series = try MetricSeriesRecord.fetchAll(db).map(\.model)
        snapshot.metricSeries = Dictionary(series.map { ($0.alarmArn, $0) }, uniquingKeysWith: { $1 })
        snapshot.cost.anomalies = try CostAnomalyRecord.fetchAll(db).map(\.model).sorted(
            by: CostAnomaly.byImpact)
    }
}
