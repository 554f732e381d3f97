import Foundation
import GRDB
import OpsDeckCore

/// A row of `metric_series`: the recent points of one alarm's metric.
struct MetricSeriesRecord: Hashable, CacheRecord {
    static let databaseTableName = "metric_series"

    var alarmArn: String
    var namespace: String
    var metricName: String
    var stat: String
    var period: Int
    var windowStart: Date
    var windowEnd: Date
    /// `[[seconds since 2001, value], ...]`, oldest first.
    var points: String
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey {
        case alarmArn = "alarm_arn"
        case namespace
        case metricName = "metric_name"
        case stat
        case period
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case points
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let alarmArn = Column(CodingKeys.alarmArn)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
    }

    init(_ series: MetricSeries, scope: RefreshScope) {
        alarmArn = series.alarmArn
        namespace = series.namespace
        metricName = series.metricName
        stat = series.stat
        period = series.period
        windowStart = series.start
        windowEnd = series.end
        points = Self.encode(series.points)
        accountId = series.accountId
        region = series.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    var model: MetricSeries {
        MetricSeries(
            alarmArn: alarmArn, accountId: accountId, region: region, namespace: namespace,
            metricName: metricName, stat: stat, period: period, start: windowStart, end: windowEnd,
            points: Self.decode(points))
    }

    /// Swift prints a `Double` in the shortest form that reads back to the same value, so the
    /// text round-trips exactly.
    static func encode(_ points: [MetricSeries.Point]) -> String {
        "["
            + points.map { "[\($0.timestamp.timeIntervalSinceReferenceDate),\(Self.number($0.value))]" }
            .joined(separator: ",") + "]"
    }

    /// An unreadable column decodes as no points rather than failing the snapshot.
    static func decode(_ text: String) -> [MetricSeries.Point] {
        guard let data = text.data(using: .utf8),
            let pairs = try? JSONDecoder().decode([[Double]].self, from: data)
        else { return [] }
        return pairs.compactMap { pair in
            guard pair.count == 2 else { return nil }
            return MetricSeries.Point(
                timestamp: Date(timeIntervalSinceReferenceDate: pair[0]), value: pair[1])
        }
    }

    /// JSON has no NaN or infinity; CloudWatch never sends them, but a bad value must not
    /// make the whole array unreadable.
    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}
