import Foundation
import GRDB
import OpsDeckCore

/// A row of `cost_forecasts`: Cost Explorer's forecast for one period.
struct CostForecastRecord: Hashable, CacheRecord {
    static let databaseTableName = "cost_forecasts"

    var periodStart: Date
    var periodEnd: Date
    var amount: Double
    var currency: String
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey {
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case amount
        case currency
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let periodStart = Column(CodingKeys.periodStart)
        static let periodEnd = Column(CodingKeys.periodEnd)
        static let amount = Column(CodingKeys.amount)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ forecast: CostForecast, scope: RefreshScope) {
        periodStart = forecast.periodStart
        periodEnd = forecast.periodEnd
        amount = forecast.amount
        currency = forecast.currency
        accountId = scope.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }
}
