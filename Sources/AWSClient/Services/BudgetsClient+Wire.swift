import Foundation
import OpsDeckCore

/// The JSON 1.1 shapes of `DescribeBudgets`.
enum BudgetsWire {
    struct DescribeBudgetsInput: Encodable {
        var AccountId: String
        var NextToken: String?
    }

    struct Spend: Decodable {
        var Amount: String?
        var Unit: String?

        var value: Double? { Amount.flatMap(Double.init) }
    }

    struct CalculatedSpend: Decodable {
        var ActualSpend: Spend?
        var ForecastedSpend: Spend?
    }

    struct BudgetShape: Decodable {
        var BudgetName: String
        var BudgetLimit: Spend?
        var TimeUnit: String?
        var BudgetType: String?
        var CalculatedSpend: CalculatedSpend?

        func model(accountId: String) -> Budget {
            Budget(
                accountId: accountId, name: BudgetName, limit: BudgetLimit?.value ?? 0,
                actual: CalculatedSpend?.ActualSpend?.value ?? 0,
                forecasted: CalculatedSpend?.ForecastedSpend?.value,
                currency: BudgetLimit?.Unit ?? CalculatedSpend?.ActualSpend?.Unit ?? "USD",
                timeUnit: TimeUnit ?? "MONTHLY")
        }
    }

    struct DescribeBudgetsOutput: Decodable {
        var Budgets: [BudgetShape]?
        var NextToken: String?
    }
}
