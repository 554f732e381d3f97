import Foundation

/// An AWS Budgets budget with its spend so far.
public struct Budget: Sendable, Hashable, Codable, Identifiable {
    public var accountId: String
    public var name: String
    public var limit: Double
    public var actual: Double
    public var forecasted: Double?
    public var currency: String
    /// `MONTHLY`, `QUARTERLY`, `ANNUALLY`.
    public var timeUnit: String

    public init(
        accountId: String, name: String, limit: Double, actual: Double, forecasted: Double? = nil,
        currency: String = "USD", timeUnit: String = "MONTHLY"
    ) {
        self.accountId = accountId
        self.name = name
        self.limit = limit
        self.actual = actual
        self.forecasted = forecasted
        self.currency = currency
        self.timeUnit = timeUnit
    }

    public var id: String { "\(accountId)/\(name)" }
    public var percentUsed: Double { limit > 0 ? actual / limit * 100 : 0 }
    public var isBreached: Bool { actual > limit }
}
