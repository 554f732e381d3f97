import Foundation
import OpsDeckCore

/// Cost Explorer: cost by day or month grouped by account or service, the forecast, and
/// anomalies. Each request costs money (USD 0.01), so callers should cache the answers.
public struct CostExplorerClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// Cost between `start` (inclusive) and `end` (exclusive) days, UTC, every page merged.
    /// - Parameters:
    ///   - granularity: one point per day or per month.
    ///   - groupBy: split by linked account or by service; nil for totals only.
    ///   - metric: the Cost Explorer metric (`UnblendedCost`).
    /// - Throws: `AWSClientError`.
    public func getCostAndUsage(
        start: Date, end: Date, granularity: Granularity, groupBy: GroupBy? = nil,
        metric: String = "UnblendedCost"
    ) async throws(AWSClientError) -> CostAndUsage {
        let operation = "GetCostAndUsage"
        let input = CostExplorerWire.GetCostAndUsageInput(
            TimePeriod: .init(start: start, end: end), Granularity: granularity.rawValue, Metrics: [metric],
            GroupBy: groupBy.map { [CostExplorerWire.GroupDefinition(Type: "DIMENSION", Key: $0.rawValue)] })
        var results: [CostExplorerWire.ResultByTime] = []
        var names: [String: String] = [:]
        try await Paginator(context: core.context(.costExplorer, operation: operation)).forEachPage {
            (page: [CostExplorerWire.ResultByTime]) throws(AWSClientError) -> Bool in
            results += page
            return true
        } fetch: { token throws(AWSClientError) in
            var pageInput = input
            pageInput.NextPageToken = token
            let page = try await core.json(
                .costExplorer, operation: operation, input: pageInput,
                output: CostExplorerWire.GetCostAndUsageOutput.self)
            for attribute in page.DimensionValueAttributes ?? [] {
                if let value = attribute.Value, let name = attribute.Attributes?["description"] {
                    names[value] = name
                }
            }
            return (page.ResultsByTime ?? [], page.NextPageToken)
        }
        return CostExplorerWire.merge(results, metric: metric, groupBy: groupBy, accountNames: names)
    }

    /// The forecast of unblended cost between two days (the start no earlier than today).
    /// - Throws: `AWSClientError`.
    public func getCostForecast(
        start: Date, end: Date, granularity: Granularity = .monthly, metric: String = "UNBLENDED_COST"
    ) async throws(AWSClientError) -> CostForecast {
        let output = try await core.json(
            .costExplorer, operation: "GetCostForecast",
            input: CostExplorerWire.GetCostForecastInput(
                TimePeriod: .init(start: start, end: end), Metric: metric, Granularity: granularity.rawValue),
            output: CostExplorerWire.GetCostForecastOutput.self)
        let periods = (output.ForecastResultsByTime ?? []).compactMap { result -> CostForecast.Period? in
            guard let period = result.TimePeriod, let start = AWSTimestamp.parseDay(period.Start) else {
                return nil
            }
            return CostForecast.Period(
                start: start, end: AWSTimestamp.parseDay(period.End),
                mean: Double(result.MeanValue ?? "") ?? 0,
                lowerBound: result.PredictionIntervalLowerBound.flatMap(Double.init),
                upperBound: result.PredictionIntervalUpperBound.flatMap(Double.init))
        }
        return CostForecast(
            total: Double(output.Total?.Amount ?? "") ?? periods.reduce(0) { $0 + $1.mean },
            currency: output.Total?.Unit ?? "USD", periods: periods)
    }

    /// Cost anomalies detected between two days, every page.
    /// - Parameter monitorArn: only this monitor's anomalies.
    /// - Throws: `AWSClientError`.
    public func getAnomalies(
        start: Date, end: Date? = nil, monitorArn: String? = nil
    ) async throws(AWSClientError) -> [CostAnomaly] {
        let operation = "GetAnomalies"
        return try await Paginator(context: core.context(.costExplorer, operation: operation)).collect {
            token throws(AWSClientError) in
            let page = try await core.json(
                .costExplorer, operation: operation,
                input: CostExplorerWire.GetAnomaliesInput(
                    MonitorArn: monitorArn,
                    DateInterval: .init(
                        StartDate: AWSTimestamp.formatDay(start), EndDate: end.map(AWSTimestamp.formatDay)),
                    NextPageToken: token),
                output: CostExplorerWire.GetAnomaliesOutput.self)
            return ((page.Anomalies ?? []).map(\.model), page.NextPageToken)
        }
    }
}
