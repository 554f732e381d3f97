import Foundation

/// The recent data points of the metric behind one CloudWatch metric alarm, for the
/// sparkline of the alarm's detail view.
public struct MetricSeries: Sendable, Hashable, Codable, Identifiable {
    /// One data point.
    public struct Point: Sendable, Hashable, Codable {
        public var timestamp: Date
        public var value: Double

        /// Creates a point.
        public init(timestamp: Date, value: Double) {
            self.timestamp = timestamp
            self.value = value
        }
    }

    /// The ARN of the alarm watching this metric.
    public var alarmArn: String
    public var accountId: String
    public var region: String
    public var namespace: String
    public var metricName: String
    /// `Average`, `Sum`, `p99`, ... as the alarm evaluates it.
    public var stat: String
    /// Seconds per data point.
    public var period: Int
    /// The window that was asked for; points may cover less of it.
    public var start: Date
    public var end: Date
    /// Oldest first.
    public var points: [Point]

    /// Creates a series; points are kept oldest first.
    public init(
        alarmArn: String, accountId: String, region: String, namespace: String, metricName: String,
        stat: String, period: Int, start: Date, end: Date, points: [Point]
    ) {
        self.alarmArn = alarmArn
        self.accountId = accountId
        self.region = region
        self.namespace = namespace
        self.metricName = metricName
        self.stat = stat
        self.period = period
        self.start = start
        self.end = end
        self.points = points.sorted { $0.timestamp < $1.timestamp }
    }

    public var id: String { alarmArn }
    /// The values, oldest first.
    public var values: [Double] { points.map(\.value) }
    public var minimum: Double? { points.map(\.value).min() }
    public var maximum: Double? { points.map(\.value).max() }
    /// The newest point.
    public var last: Point? { points.last }
}
