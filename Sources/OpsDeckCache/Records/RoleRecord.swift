import Foundation
import GRDB
import OpsDeckCore

/// A row of `roles`: one IAM role in one account.
struct RoleRecord: Hashable, CacheRecord, BulkRecord {
    static let databaseTableName = "roles"

    var arn: String
    var name: String
    var path: String
    var trustPolicy: String
    var maxSessionDuration: Int
    var createdAt: Date?
    var lastUsedAt: Date?
    /// JSON object of tag keys to values.
    var tags: String
    var isBreakGlass: Bool
    /// The role's own account: IAM is read per account.
    var accountId: String
    /// IAM is global; the refresh's region (normally `global`).
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey, CaseIterable {
        case arn
        case name
        case path
        case trustPolicy = "trust_policy"
        case maxSessionDuration = "max_session_duration"
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case tags
        case isBreakGlass = "is_break_glass"
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let arn = Column(CodingKeys.arn)
        static let name = Column(CodingKeys.name)
        static let isBreakGlass = Column(CodingKeys.isBreakGlass)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ role: Role, scope: RefreshScope) {
        arn = role.arn
        name = role.name
        path = role.path
        trustPolicy = role.trustPolicy
        maxSessionDuration = role.maxSessionDuration
        createdAt = role.createdAt
        lastUsedAt = role.lastUsedAt
        tags = JSONText.encode(role.tags)
        isBreakGlass = role.isBreakGlass
        accountId = role.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    static let bulkColumns = CodingKeys.allCases.map(\.rawValue)

    var bulkValues: [(any DatabaseValueConvertible)?] {
        [
            arn, name, path, trustPolicy, maxSessionDuration, createdAt?.timeIntervalSinceReferenceDate,
            lastUsedAt?.timeIntervalSinceReferenceDate, tags, isBreakGlass, accountId, region, source,
            fetchedAt.timeIntervalSinceReferenceDate,
        ]
    }

    /// The columns `decode` reads, by index. Insertion order: the UI sorts as it needs.
    static let selectSQL = """
        SELECT account_id, name, arn, path, trust_policy, max_session_duration, created_at, last_used_at,
            tags, is_break_glass
        FROM roles
        """

    static func decode(_ row: RawRow, cache: inout DecodeCache) -> Role {
        Role(
            accountId: cache.string(row, 0), name: cache.string(row, 1), arn: row.string(2),
            path: cache.string(row, 3), trustPolicy: cache.string(row, 4), maxSessionDuration: row.int(5),
            createdAt: row.optionalDate(6), lastUsedAt: row.optionalDate(7), tags: cache.object(row, 8),
            isBreakGlass: row.bool(9))
    }
}
