import OpsDeckCore

/// What one Cost Explorer and Budgets refresh produced.
public struct CostRecords: Sendable, Hashable {
    /// Daily points, by account and by service; the summary is computed from these.
    public var daily: [CostPoint]
    /// Monthly points, kept for longer history.
    public var monthly: [CostPoint]
    public var budgets: [Budget]
    /// Cost Explorer's forecast for the current month, when it gave one.
    public var forecast: CostForecast?
    /// Cost Anomaly Detection's findings of the last 30 days.
    public var anomalies: [CostAnomaly]

    public init(
        daily: [CostPoint] = [], monthly: [CostPoint] = [], budgets: [Budget] = [],
        forecast: CostForecast? = nil, anomalies: [CostAnomaly] = []
    ) {
        self.daily = daily
        self.monthly = monthly
        self.budgets = budgets
        self.forecast = forecast
        self.anomalies = anomalies
    }
}
