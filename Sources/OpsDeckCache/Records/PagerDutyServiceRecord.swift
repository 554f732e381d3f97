import Foundation
import GRDB
import OpsDeckCore

/// A row of `pagerduty_services`: one PagerDuty service, kept by `service.*` events.
struct PagerDutyServiceRecord: Hashable, CacheRecord {
    static let databaseTableName = "pagerduty_services"

    var id: String
    var name: String
    var htmlUrl: String?
    var status: String?
    /// JSON array of team names.
    var teams: String
    var deleted: Bool
    var lastEventAt: Date?
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case htmlUrl = "html_url"
        case status
        case teams
        case deleted
        case lastEventAt = "last_event_at"
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let deleted = Column(CodingKeys.deleted)
    }

    init(_ service: PagerDutyService, fetchedAt: Date) {
        id = service.id
        name = service.name
        htmlUrl = service.htmlURL
        status = service.status
        teams = JSONText.encode(service.teams)
        deleted = service.isDeleted
        lastEventAt = service.lastEventAt
        accountId = CacheDatabase.anyAccount
        region = CacheDatabase.globalRegion
        source = Source.incidents.rawValue
        self.fetchedAt = fetchedAt
    }

    var model: PagerDutyService {
        PagerDutyService(
            id: id, name: name, htmlURL: htmlUrl, status: status, teams: JSONText.decodeArray(teams),
            isDeleted: deleted, lastEventAt: lastEventAt)
    }
}
