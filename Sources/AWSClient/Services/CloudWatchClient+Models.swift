import Foundation

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
