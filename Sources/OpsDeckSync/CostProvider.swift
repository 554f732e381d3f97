import AWSClient
import Foundation
import OpsDeckCache
import OpsDeckCore

/// Reads the organization's cost through the management account: Cost Explorer by linked
/// account and by service, daily for 90 days and monthly for three months, this month's
/// forecast, the anomalies of the last 30 days, and the management account's budgets.
///
/// Each Cost Explorer request costs money (USD 0.01); the requests are fixed so that a
/// refresh sends the same few bodies every time, and every request that reached AWS (each
/// page, each retry) is added to the cache's count of the day, even when the fetch fails.
public struct CostProvider: Sendable {
    /// Signed with the management account's credentials.
    public var core: AWSClientCore
    /// Where the Cost Explorer requests are counted; nil leaves counting to the caller
    /// (`costExplorerCalls` of the answer).
    public var cache: CacheDatabase?

    /// How many days of anomalies a refresh asks for, ending today.
    public static let anomalyDays = 30

    /// Creates a provider.
    public init(core: AWSClientCore, cache: CacheDatabase? = nil) {
        self.core = core
        self.cache = cache
    }

    /// The days a refresh on `today` asks for, UTC: daily from 90 days before today,
    /// monthly from the 1st of the month two months before today's, both up to today
    /// (exclusive, as Cost Explorer reads `End`).
    public static func periods(today: Date) -> (dailyStart: Date, monthlyStart: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let end = calendar.startOfDay(for: today)
        let dailyStart = calendar.date(byAdding: .day, value: -90, to: end) ?? end
        let month = calendar.dateComponents([.year, .month], from: end)
        let firstOfMonth = calendar.date(from: month) ?? end
        let monthlyStart = calendar.date(byAdding: .month, value: -2, to: firstOfMonth) ?? firstOfMonth
        return (dailyStart, monthlyStart, end)
    }

    /// Fetches the cost records.
    /// - Parameters:
    ///   - managementAccountId: the account whose budgets are read.
    ///   - today: the day the periods end at, and the UTC day the requests are counted on.
    /// - Returns: the records and how many Cost Explorer requests reached AWS (AWS charges
    ///   each one: every page and every retried attempt).
    /// - Throws: `AWSClientError`, after counting the requests that were made.
    public func fetch(
        managementAccountId: String, today: Date
    ) async throws(AWSClientError) -> (records: CostRecords, costExplorerCalls: Int) {
        let counter = CostExplorerClient.RequestCounter(wrapping: core.transport)
        var counted = core
        counted.transport = counter
        let outcome: Result<CostRecords, AWSClientError>
        do {
            outcome = .success(
                try await records(core: counted, managementAccountId: managementAccountId, today: today))
        } catch {
            outcome = .failure(error)
        }
        let calls = counter.count
        if let cache, calls > 0 {
            do {
                try cache.recordCostExplorerRequests(calls, at: today)
            } catch {
                core.logger.error("could not count the Cost Explorer requests: \(error)")
            }
        }
        return (try outcome.get(), calls)
    }

    private func records(
        core: AWSClientCore, managementAccountId: String, today: Date
    ) async throws(AWSClientError) -> CostRecords {
        let explorer = CostExplorerClient(core: core)
        let period = Self.periods(today: today)
        var daily: [CostPoint] = []
        var monthly: [CostPoint] = []
        for groupBy in [CostExplorerClient.GroupBy.linkedAccount, .service] {
            daily += try await explorer.getCostAndUsage(
                start: period.dailyStart, end: period.end, granularity: .daily, groupBy: groupBy
            ).points
        }
        for groupBy in [CostExplorerClient.GroupBy.linkedAccount, .service] {
            monthly += try await explorer.getCostAndUsage(
                start: period.monthlyStart, end: period.end, granularity: .monthly, groupBy: groupBy
            ).points
        }
        let forecast = try await self.forecast(explorer, today: period.end)
        let anomalies = try await self.anomalies(explorer, today: period.end)
        let budgets = try await BudgetsClient(core: core).describeBudgets(accountId: managementAccountId)
        return CostRecords(
            daily: daily, monthly: monthly, budgets: budgets, forecast: forecast.value, anomalies: anomalies)
    }

    /// The anomalies that started in the last `anomalyDays` days; none from endpoints
    /// without GetAnomalies (moto).
    private func anomalies(
        _ explorer: CostExplorerClient, today: Date
    ) async throws(AWSClientError) -> [CostAnomaly] {
        let start = today.addingTimeInterval(-Double(Self.anomalyDays) * 86_400)
        do {
            return try await explorer.getAnomalies(start: start, end: today).map {
                Self.anomaly($0, fallbackStart: start)
            }
        } catch {
            if case .notImplemented = error { return [] }
            throw error
        }
    }

    /// The cache's model of an anomaly: where it is comes from its first root cause.
    public static func anomaly(_ wire: CostExplorerClient.CostAnomaly, fallbackStart: Date) -> CostAnomaly {
        let cause = wire.rootCauses.first
        return CostAnomaly(
            id: wire.id, startDate: wire.startDate ?? fallbackStart, endDate: wire.endDate,
            dimensionValue: wire.dimensionValue, service: cause?.service, accountId: cause?.linkedAccount,
            accountName: cause?.linkedAccountName, region: cause?.region, usageType: cause?.usageType,
            totalImpact: wire.totalImpact ?? wire.maxImpact, maxImpact: wire.maxImpact,
            maxScore: wire.maxScore, monitorArn: wire.monitorArn,
            feedback: wire.feedback.flatMap(CostAnomaly.Feedback.init(rawValue:)))
    }

    /// The forecast from today to the end of the month; nil on the month's last day (a
    /// forecast needs a day ahead) and from endpoints without GetCostForecast (moto).
    private func forecast(
        _ explorer: CostExplorerClient, today: Date
    ) async throws(AWSClientError) -> (value: OpsDeckCache.CostForecast?, asked: Bool) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let month = calendar.dateComponents([.year, .month], from: today)
        guard let firstOfMonth = calendar.date(from: month),
            let nextMonth = calendar.date(byAdding: .month, value: 1, to: firstOfMonth),
            let tomorrow = calendar.date(byAdding: .day, value: 1, to: today), tomorrow < nextMonth
        else { return (nil, false) }
        do {
            let answer = try await explorer.getCostForecast(start: today, end: nextMonth)
            return (
                OpsDeckCache.CostForecast(
                    periodStart: firstOfMonth, periodEnd: nextMonth, amount: answer.total,
                    currency: answer.currency),
                true
            )
        } catch {
            if case .notImplemented = error { return (nil, true) }
            throw error
        }
    }
}
