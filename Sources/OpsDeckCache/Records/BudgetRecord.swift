import Foundation
import GRDB
import OpsDeckCore

/// A row of `budgets`: one AWS Budgets budget with its spend.
struct BudgetRecord: Hashable, CacheRecord {
    static let databaseTableName = "budgets"

    /// The account that owns the budget (`Budget.accountId`); not the refresh's scope.
    var budgetAccountId: String
    var name: String
    /// `limit` is an SQL keyword.
    var limitAmount: Double
    var actual: Double
    var forecasted: Double?
    var currency: String
    var timeUnit: String
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey {
        case budgetAccountId = "budget_account_id"
        case name
        case limitAmount = "limit_amount"
        case actual
        case forecasted
        case currency
        case timeUnit = "time_unit"
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let budgetAccountId = Column(CodingKeys.budgetAccountId)
        static let name = Column(CodingKeys.name)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ budget: Budget, scope: RefreshScope) {
        budgetAccountId = budget.accountId
        name = budget.name
        limitAmount = budget.limit
        actual = budget.actual
        forecasted = budget.forecasted
        currency = budget.currency
        timeUnit = budget.timeUnit
        accountId = scope.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    var model: Budget {
        Budget(
            accountId: budgetAccountId, name: name, limit: limitAmount, actual: actual,
            forecasted: forecasted,
            currency: currency, timeUnit: timeUnit)
    }
}
