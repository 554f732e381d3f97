import Foundation
import GRDB
import OpsDeckCore

/// The single row of `organization`: who the header says is looking at which organization.
struct OrganizationRecord: Hashable, CacheRecord {
    static let databaseTableName = "organization"

    /// Always 1: the table holds one row.
    var id: Int64 = 1
    var organizationId: String
    var managementAccountId: String
    var managementAccountName: String
    var callerArn: String
    var profile: String
    /// JSON array of region names.
    var regions: String
    var isDemo: Bool
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case organizationId = "organization_id"
        case managementAccountId = "management_account_id"
        case managementAccountName = "management_account_name"
        case callerArn = "caller_arn"
        case profile
        case regions
        case isDemo = "is_demo"
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let organizationId = Column(CodingKeys.organizationId)
        static let managementAccountId = Column(CodingKeys.managementAccountId)
        static let isDemo = Column(CodingKeys.isDemo)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ info: OrganizationInfo, fetchedAt: Date) {
        organizationId = info.organizationId
        managementAccountId = info.managementAccountId
        managementAccountName = info.managementAccountName
        callerArn = info.callerARN
        profile = info.profile
        regions = JSONText.encode(info.regions)
        isDemo = info.isDemo
        accountId = info.managementAccountId
        region = "global"
        source = Source.organizations.rawValue
        self.fetchedAt = fetchedAt
    }

    var model: OrganizationInfo {
        OrganizationInfo(
            organizationId: organizationId, managementAccountId: managementAccountId,
            managementAccountName: managementAccountName, callerARN: callerArn, profile: profile,
            regions: JSONText.decodeArray(regions), isDemo: isDemo)
    }
}
