import Foundation
import GRDB
import OpsDeckCore

/// A row of `accounts`: one member account of the organization.
struct AccountRecord: Hashable, CacheRecord, BulkRecord {
    static let databaseTableName = "accounts"

    var id: String
    var name: String
    var email: String
    var status: String
    var ouId: String
    var ouPath: String
    var environment: String
    var alias: String?
    /// JSON object of tag keys to values.
    var tags: String
    var isManagement: Bool
    var joinedAt: Date?
    /// The account the organization was read through (the management account), not `id`.
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case name
        case email
        case status
        case ouId = "ou_id"
        case ouPath = "ou_path"
        case environment
        case alias
        case tags
        case isManagement = "is_management"
        case joinedAt = "joined_at"
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let status = Column(CodingKeys.status)
        static let ouId = Column(CodingKeys.ouId)
        static let environment = Column(CodingKeys.environment)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ account: Account, scope: RefreshScope) {
        id = account.id
        name = account.name
        email = account.email
        status = account.status.rawValue
        ouId = account.ouId
        ouPath = account.ouPath
        environment = account.environment.rawValue
        alias = account.alias
        tags = JSONText.encode(account.tags)
        isManagement = account.isManagement
        joinedAt = account.joinedAt
        accountId = scope.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    static let bulkColumns = CodingKeys.allCases.map(\.rawValue)

    var bulkValues: [(any DatabaseValueConvertible)?] {
        [
            id, name, email, status, ouId, ouPath, environment, alias, tags, isManagement,
            joinedAt?.timeIntervalSinceReferenceDate, accountId, region, source,
            fetchedAt.timeIntervalSinceReferenceDate,
        ]
    }

    /// The columns `decode` reads, by index.
    static let selectSQL = """
        SELECT id, name, email, status, ou_id, ou_path, environment, alias, tags, is_management, joined_at
        FROM accounts ORDER BY name, id
        """

    static func decode(_ row: RawRow, cache: inout DecodeCache) -> Account {
        Account(
            id: row.string(0), name: row.string(1), email: row.string(2),
            status: Account.Status(rawValue: cache.string(row, 3)) ?? .active, ouId: cache.string(row, 4),
            ouPath: cache.string(row, 5),
            environment: Environment(rawValue: cache.string(row, 6)) ?? .unknown,
            alias: row.optionalString(7), tags: cache.object(row, 8), isManagement: row.bool(9),
            joinedAt: row.optionalDate(10))
    }
}
