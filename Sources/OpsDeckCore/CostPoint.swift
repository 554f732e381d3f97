import Foundation

/// Unblended cost for one day (or month) and one group: a linked account or a service.
///
/// Cost Explorer groups by one dimension per query, so OpsDeck keeps the two breakdowns
/// side by side rather than a (date x account x service) cube.
public struct CostPoint: Sendable, Hashable, Codable {
    public enum Dimension: String, Sendable, Codable, CaseIterable {
        case account
        case service
    }

    /// Start of the day (UTC) or of the month, by `granularity`.
    public var date: Date
    public var dimension: Dimension
    /// Account id or service name.
    public var key: String
    public var amount: Double
    public var currency: String

    public init(date: Date, dimension: Dimension, key: String, amount: Double, currency: String = "USD") {
        self.date = date
        self.dimension = dimension
        self.key = key
        self.amount = amount
        self.currency = currency
    }
}
