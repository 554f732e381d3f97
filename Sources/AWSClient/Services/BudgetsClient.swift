import Foundation
import OpsDeckCore

/// AWS Budgets: budgets with their actual and forecasted spend.
public struct BudgetsClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// Every budget of `accountId`.
    /// - Throws: `AWSClientError`.
    public func describeBudgets(accountId: String) async throws(AWSClientError) -> [Budget] {
        let operation = "DescribeBudgets"
        return try await Paginator(context: core.context(.budgets, operation: operation)).collect {
            token throws(AWSClientError) in
            let page = try await core.json(
                .budgets, operation: operation,
                input: BudgetsWire.DescribeBudgetsInput(AccountId: accountId, NextToken: token),
                output: BudgetsWire.DescribeBudgetsOutput.self)
            return ((page.Budgets ?? []).map { $0.model(accountId: accountId) }, page.NextToken)
        }
    }
}
