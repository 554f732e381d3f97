import Foundation
import OpsDeckCore

extension CloudWatchClient {
    /// One metric to fetch with `GetMetricData` (a `MetricStat` query).
    public struct MetricQuery: Sendable, Hashable {
        /// The query id: lower-case first letter, letters, digits and `_`.
        public var id: String
        public var namespace: String
        public var metricName: String
        public var dimensions: [String: String]
        /// Seconds per data point (60 or a multiple of it).
        public var period: Int
        /// `Average`, `Sum`, `Maximum`, `p99`, ...
        public var stat: String
        /// The unit to filter by, if any.
        public var unit: String?
        /// A label for the series.
        public var label: String?

        /// Creates a query.
        public init(
            id: String, namespace: String, metricName: String, dimensions: [String: String] = [:],
            period: Int = 300, stat: String = "Average", unit: String? = nil, label: String? = nil
        ) {
            self.id = id
            self.namespace = namespace
            self.metricName = metricName
            self.dimensions = dimensions
            self.period = period
            self.stat = stat
            self.unit = unit
            self.label = label
        }
    }

    /// The data points of one query: `timestamps[i]` goes with `values[i]`.
    public struct MetricSeries: Sendable, Hashable {
        public var id: String
        public var label: String
        public var timestamps: [Date]
        public var values: [Double]
        /// `Complete`, `PartialData`, `InternalError` or `Forbidden`.
        public var statusCode: String

        /// Creates a series.
        public init(id: String, label: String, timestamps: [Date], values: [Double], statusCode: String) {
            self.id = id
            self.label = label
            self.timestamps = timestamps
            self.values = values
            self.statusCode = statusCode
        }
    }
}

extension CloudWatchClient {
    /// The single metric a metric alarm evaluates, as `DescribeAlarms` tells it: enough to
    /// ask `GetMetricData` for the same series. Alarms on metric math have none.
    public struct AlarmMetric: Sendable, Hashable {
        public var alarmArn: String
        public var namespace: String
        public var metricName: String
        public var dimensions: [String: String]
        /// `Statistic`, else `ExtendedStatistic` (`p99`).
        public var stat: String
        /// Seconds per data point.
        public var period: Int
        public var unit: String?

        /// Creates a metric description.
        public init(
            alarmArn: String, namespace: String, metricName: String, dimensions: [String: String] = [:],
            stat: String, period: Int, unit: String? = nil
        ) {
            self.alarmArn = alarmArn
            self.namespace = namespace
            self.metricName = metricName
            self.dimensions = dimensions
            self.stat = stat
            self.period = period
            self.unit = unit
        }

        /// The `GetMetricData` query for this metric under the given query id.
        public func query(id: String) -> MetricQuery {
            MetricQuery(
                id: id, namespace: namespace, metricName: metricName, dimensions: dimensions, period: period,
                stat: stat, unit: unit)
        }
    }

    /// Alarms with the metric of each metric alarm that has a single one, by alarm ARN.
    public struct AlarmListing: Sendable, Hashable {
        public var alarms: [Alarm]
        public var metrics: [String: AlarmMetric]

        /// Creates a listing.
        public init(alarms: [Alarm], metrics: [String: AlarmMetric]) {
            self.alarms = alarms
            self.metrics = metrics
        }
    }
}
