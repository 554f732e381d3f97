import Foundation
import GRDB
import OpsDeckCore

/// A row of `cost_points`: the cost of one day or month for one account or service.
struct CostPointRecord: Hashable, CacheRecord, BulkRecord {
    static let databaseTableName = "cost_points"

    enum Granularity: String, Codable, Sendable {
        case daily
        case monthly
    }

    var granularity: Granularity
    var dimension: String
    var key: String
    /// Start of the UTC day or month.
    var date: Date
    var amount: Double
    var currency: String
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey, CaseIterable {
        case granularity
        case dimension
        case key
        case date
        case amount
        case currency
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let granularity = Column(CodingKeys.granularity)
        static let dimension = Column(CodingKeys.dimension)
        static let key = Column(CodingKeys.key)
        static let date = Column(CodingKeys.date)
        static let amount = Column(CodingKeys.amount)
        static let currency = Column(CodingKeys.currency)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ point: CostPoint, granularity: Granularity, scope: RefreshScope) {
        self.granularity = granularity
        dimension = point.dimension.rawValue
        key = point.key
        date = point.date
        amount = point.amount
        currency = point.currency
        accountId = scope.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    static let bulkColumns = CodingKeys.allCases.map(\.rawValue)

    var bulkValues: [(any DatabaseValueConvertible)?] {
        [
            granularity.rawValue, dimension, key, date.timeIntervalSinceReferenceDate, amount, currency,
            accountId, region,
            source, fetchedAt.timeIntervalSinceReferenceDate,
        ]
    }

    var model: CostPoint {
        CostPoint(
            date: date, dimension: CostPoint.Dimension(rawValue: dimension) ?? .service, key: key,
            amount: amount,
            currency: currency)
    }
}
