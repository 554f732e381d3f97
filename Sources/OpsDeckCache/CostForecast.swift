import Foundation

/// Cost Explorer's forecast of the total for a period (normally the current UTC month).
public struct CostForecast: Sendable, Hashable {
    public var periodStart: Date
    /// Exclusive end of the period.
    public var periodEnd: Date
    public var amount: Double
    public var currency: String

    public init(periodStart: Date, periodEnd: Date, amount: Double, currency: String = "USD") {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.amount = amount
        self.currency = currency
    }
}
