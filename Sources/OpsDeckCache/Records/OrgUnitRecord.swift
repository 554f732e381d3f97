import Foundation
import GRDB
import OpsDeckCore

/// A row of `org_units`: one organizational unit, or the root.
struct OrgUnitRecord: Hashable, CacheRecord {
    static let databaseTableName = "org_units"

    var id: String
    var name: String
    var parentId: String?
    var path: String
    /// The account the organization was read through (the management account).
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case parentId = "parent_id"
        case path
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let parentId = Column(CodingKeys.parentId)
        static let path = Column(CodingKeys.path)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ unit: OrganizationalUnit, scope: RefreshScope) {
        id = unit.id
        name = unit.name
        parentId = unit.parentId
        path = unit.path
        accountId = scope.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    var model: OrganizationalUnit {
        OrganizationalUnit(id: id, name: name, parentId: parentId, path: path)
    }
}
