import Foundation

/// What the Cost pane shows, computed by the cache from the stored cost points.
public struct CostSummary: Sendable, Hashable {
    public struct Line: Sendable, Hashable, Identifiable {
        /// Account id or service name.
        public var key: String
        /// Account name or OU, or empty for services.
        public var label: String
        public var monthToDate: Double
        /// The same number of days last month.
        public var lastMonthSameDays: Double
        public var lastMonthTotal: Double
        /// Daily amounts, oldest first, for the sparkline.
        public var daily: [Double]

        public init(
            key: String, label: String, monthToDate: Double, lastMonthSameDays: Double,
            lastMonthTotal: Double,
            daily: [Double]
        ) {
            self.key = key
            self.label = label
            self.monthToDate = monthToDate
            self.lastMonthSameDays = lastMonthSameDays
            self.lastMonthTotal = lastMonthTotal
            self.daily = daily
        }

        public var id: String { key }
        /// Change against the same days last month, in percent (nil when last month was zero).
        public var changePercent: Double? {
            lastMonthSameDays > 0 ? (monthToDate - lastMonthSameDays) / lastMonthSameDays * 100 : nil
        }
    }

    public var currency: String
    public var monthToDate: Double
    public var lastMonthSameDays: Double
    public var lastMonthTotal: Double
    public var forecast: Double?
    /// Organization-wide daily totals for the last 30 days, oldest first.
    public var daily: [Double]
    public var byAccount: [Line]
    public var byService: [Line]
    public var budgets: [Budget]
    public var billingAlarmThreshold: Double?
    /// Cost Explorer charges per request; the pane shows how many were made today.
    public var costExplorerRequestsToday: Int
    /// Cost anomalies of the last 30 days, largest total impact first.
    public var anomalies: [CostAnomaly]

    public init(
        currency: String = "USD", monthToDate: Double = 0, lastMonthSameDays: Double = 0,
        lastMonthTotal: Double = 0,
        forecast: Double? = nil, daily: [Double] = [], byAccount: [Line] = [], byService: [Line] = [],
        budgets: [Budget] = [], billingAlarmThreshold: Double? = nil, costExplorerRequestsToday: Int = 0,
        anomalies: [CostAnomaly] = []
    ) {
        self.currency = currency
        self.monthToDate = monthToDate
        self.lastMonthSameDays = lastMonthSameDays
        self.lastMonthTotal = lastMonthTotal
        self.forecast = forecast
        self.daily = daily
        self.byAccount = byAccount
        self.byService = byService
        self.budgets = budgets
        self.billingAlarmThreshold = billingAlarmThreshold
        self.costExplorerRequestsToday = costExplorerRequestsToday
        self.anomalies = anomalies
    }

    public static let empty = CostSummary()
}
