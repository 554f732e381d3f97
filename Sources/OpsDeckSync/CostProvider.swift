import AWSClient
import Foundation
import OpsDeckCache
import OpsDeckCore

/// Reads the organization's cost through the management account: Cost Explorer by linked
/// account and by service, daily for 90 days and monthly for three months, this month's
/// forecast, and the management account's budgets.
///
/// Each Cost Explorer request costs money (USD 0.01); the requests are fixed so that a
/// refresh sends the same few bodies every time.
public struct CostProvider: Sendable {
    /// Signed with the management account's credentials.
    public var core: AWSClientCore

    /// Creates a provider.
    public init(core: AWSClientCore) {
        self.core = core
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
    ///   - today: the day the periods end at.
    /// - Returns: the records and how many Cost Explorer operations were called (AWS charges
    ///   each request, so a paged answer costs one per page; pages are not counted yet).
    /// - Throws: `AWSClientError`.
    public func fetch(
        managementAccountId: String, today: Date
    ) async throws(AWSClientError) -> (records: CostRecords, costExplorerCalls: Int) {
        let explorer = CostExplorerClient(core: core)
        let period = Self.periods(today: today)
        var daily: [CostPoint] = []
        var monthly: [CostPoint] = []
        var calls = 0
        for groupBy in [CostExplorerClient.GroupBy.linkedAccount, .service] {
            daily += try await explorer.getCostAndUsage(
                start: period.dailyStart, end: period.end, granularity: .daily, groupBy: groupBy
            ).points
            calls += 1
        }
        for groupBy in [CostExplorerClient.GroupBy.linkedAccount, .service] {
            monthly += try await explorer.getCostAndUsage(
                start: period.monthlyStart, end: period.end, granularity: .monthly, groupBy: groupBy
            ).points
            calls += 1
        }
        let forecast = try await self.forecast(explorer, today: period.end)
        if forecast.asked { calls += 1 }
        let budgets = try await BudgetsClient(core: core).describeBudgets(accountId: managementAccountId)
        let records = CostRecords(daily: daily, monthly: monthly, budgets: budgets, forecast: forecast.value)
        return (records, calls)
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
