import Foundation
import OpsDeckCore

/// CloudWatch over JSON 1.0: alarms and metric data.
public struct CloudWatchClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// Every metric and composite alarm in the region, in `state` when given.
    /// - Parameters:
    ///   - state: only alarms in this state.
    ///   - includeComposite: ask for composite alarms too (emulators may lack them).
    /// - Throws: `AWSClientError`.
    public func describeAlarms(
        state: Alarm.State? = nil, includeComposite: Bool = true
    ) async throws(AWSClientError) -> [Alarm] {
        try await describeAlarmsWithMetrics(state: state, includeComposite: includeComposite).alarms
    }

    /// `describeAlarms`, with the metric each single-metric alarm evaluates, for
    /// `getMetricData`.
    /// - Throws: `AWSClientError`.
    public func describeAlarmsWithMetrics(
        state: Alarm.State? = nil, includeComposite: Bool = true
    ) async throws(AWSClientError) -> AlarmListing {
        let operation = "DescribeAlarms"
        let types = includeComposite ? ["CompositeAlarm", "MetricAlarm"] : ["MetricAlarm"]
        var metrics: [String: AlarmMetric] = [:]
        let alarms = try await Paginator(context: core.context(.cloudWatch, operation: operation)).collect {
            token throws(AWSClientError) in
            let page = try await core.json(
                .cloudWatch, operation: operation,
                input: CloudWatchWire.DescribeAlarmsInput(
                    AlarmTypes: types, StateValue: state?.rawValue, NextToken: token),
                output: CloudWatchWire.DescribeAlarmsOutput.self)
            for shape in page.MetricAlarms ?? [] {
                if let metric = Self.metric(of: shape) { metrics[metric.alarmArn] = metric }
            }
            let alarms =
                (page.MetricAlarms ?? []).compactMap { alarm(from: $0, composite: false) }
                + (page.CompositeAlarms ?? []).compactMap { alarm(from: $0, composite: true) }
            return (alarms, page.NextToken)
        }
        return AlarmListing(alarms: alarms, metrics: metrics)
    }

    /// The most queries one `GetMetricData` request may carry.
    public static let maxQueriesPerRequest = 500

    /// Data points of metrics between two times, all pages merged by query id. More than
    /// `maxQueriesPerRequest` queries are sent in several requests, each paged to its end.
    /// - Throws: `AWSClientError`.
    public func getMetricData(
        _ queries: [MetricQuery], start: Date, end: Date
    ) async throws(AWSClientError) -> [MetricSeries] {
        var results: [MetricSeries] = []
        var index = 0
        while index < queries.count {
            let batch = Array(queries[index..<min(queries.count, index + Self.maxQueriesPerRequest)])
            results += try await getMetricDataBatch(batch, start: start, end: end)
            index += batch.count
        }
        return results
    }

    private func getMetricDataBatch(
        _ queries: [MetricQuery], start: Date, end: Date
    ) async throws(AWSClientError) -> [MetricSeries] {
        let operation = "GetMetricData"
        let wireQueries = queries.map(CloudWatchWire.MetricDataQuery.init)
        var series: [String: MetricSeries] = [:]
        var order: [String] = []
        try await Paginator(context: core.context(.cloudWatch, operation: operation)).forEachPage {
            (page: [MetricSeries]) throws(AWSClientError) -> Bool in
            for result in page {
                if series[result.id] == nil {
                    order.append(result.id)
                    series[result.id] = result
                } else {
                    series[result.id]?.timestamps += result.timestamps
                    series[result.id]?.values += result.values
                    series[result.id]?.statusCode = result.statusCode
                }
            }
            return true
        } fetch: { token throws(AWSClientError) in
            let page = try await core.json(
                .cloudWatch, operation: operation,
                input: CloudWatchWire.GetMetricDataInput(
                    MetricDataQueries: wireQueries, StartTime: start, EndTime: end, NextToken: token,
                    ScanBy: "TimestampAscending"),
                output: CloudWatchWire.GetMetricDataOutput.self)
            let results = (page.MetricDataResults ?? []).map { result in
                MetricSeries(
                    id: result.Id, label: result.Label ?? result.Id, timestamps: result.Timestamps ?? [],
                    values: result.Values ?? [], statusCode: result.StatusCode ?? "Complete")
            }
            return (results, page.NextToken)
        }
        return order.compactMap { series[$0] }
    }

    /// Nil for alarms on metric math (`Metrics`) or without a statistic.
    static func metric(of wire: CloudWatchWire.AlarmShape) -> AlarmMetric? {
        guard let arn = wire.AlarmArn, let namespace = wire.Namespace, let name = wire.MetricName,
            let stat = wire.Statistic ?? wire.ExtendedStatistic, let period = wire.Period, period > 0
        else { return nil }
        var dimensions: [String: String] = [:]
        for dimension in wire.Dimensions ?? [] {
            if let key = dimension.Name, let value = dimension.Value { dimensions[key] = value }
        }
        return AlarmMetric(
            alarmArn: arn, namespace: namespace, metricName: name, dimensions: dimensions, stat: stat,
            period: period, unit: wire.Unit)
    }

    private func alarm(from wire: CloudWatchWire.AlarmShape, composite: Bool) -> Alarm? {
        guard let arn = wire.AlarmArn, let name = wire.AlarmName else { return nil }
        return Alarm(
            arn: arn, name: name, accountId: AWSARN.accountId(of: arn) ?? core.accountId ?? "",
            region: AWSARN.region(of: arn) ?? core.region,
            state: Alarm.State(rawValue: wire.StateValue ?? "") ?? .insufficientData,
            stateReason: wire.StateReason ?? "",
            stateUpdatedAt: wire.StateUpdatedTimestamp ?? Date(timeIntervalSince1970: 0),
            namespace: wire.Namespace, metricName: wire.MetricName, threshold: wire.Threshold,
            isComposite: composite, actions: wire.AlarmActions ?? [])
    }
}
