import Foundation
import GRDB
import OpsDeckCore

/// A row of `alarms`: one CloudWatch metric or composite alarm.
struct AlarmRecord: Hashable, CacheRecord, BulkRecord {
    static let databaseTableName = "alarms"

    var arn: String
    var name: String
    var state: String
    var stateReason: String
    var stateUpdatedAt: Date
    var namespace: String?
    var metricName: String?
    var threshold: Double?
    var isComposite: Bool
    var severity: String
    /// JSON array of action ARNs.
    var actions: String
    /// JSON object of tag keys to values.
    var tags: String
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey, CaseIterable {
        case arn
        case name
        case state
        case stateReason = "state_reason"
        case stateUpdatedAt = "state_updated_at"
        case namespace
        case metricName = "metric_name"
        case threshold
        case isComposite = "is_composite"
        case severity
        case actions
        case tags
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let arn = Column(CodingKeys.arn)
        static let name = Column(CodingKeys.name)
        static let state = Column(CodingKeys.state)
        static let namespace = Column(CodingKeys.namespace)
        static let metricName = Column(CodingKeys.metricName)
        static let threshold = Column(CodingKeys.threshold)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ alarm: Alarm, scope: RefreshScope) {
        arn = alarm.arn
        name = alarm.name
        state = alarm.state.rawValue
        stateReason = alarm.stateReason
        stateUpdatedAt = alarm.stateUpdatedAt
        namespace = alarm.namespace
        metricName = alarm.metricName
        threshold = alarm.threshold
        isComposite = alarm.isComposite
        severity = alarm.severity.rawValue
        actions = JSONText.encode(alarm.actions)
        tags = JSONText.encode(alarm.tags)
        accountId = alarm.accountId
        region = alarm.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    static let bulkColumns = CodingKeys.allCases.map(\.rawValue)

    var bulkValues: [(any DatabaseValueConvertible)?] {
        [
            arn, name, state, stateReason, stateUpdatedAt.timeIntervalSinceReferenceDate, namespace,
            metricName,
            threshold, isComposite, severity, actions, tags, accountId, region, source,
            fetchedAt.timeIntervalSinceReferenceDate,
        ]
    }

    /// The columns `decode` reads, by index.
    static let selectSQL = """
        SELECT arn, name, account_id, region, state, state_reason, state_updated_at, namespace, metric_name,
            threshold, is_composite, severity, actions, tags
        FROM alarms
        """

    static func decode(_ row: RawRow, cache: inout DecodeCache) -> Alarm {
        Alarm(
            arn: row.string(0), name: row.string(1), accountId: cache.string(row, 2),
            region: cache.string(row, 3),
            state: Alarm.State(rawValue: cache.string(row, 4)) ?? .insufficientData,
            stateReason: cache.string(row, 5), stateUpdatedAt: row.date(6),
            namespace: cache.optionalString(row, 7),
            metricName: cache.optionalString(row, 8), threshold: row.optionalDouble(9),
            isComposite: row.bool(10),
            severity: Severity(rawValue: cache.string(row, 11)) ?? .warning,
            actions: JSONText.decodeArray(row.string(12)),
            tags: cache.object(row, 13))
    }
}
