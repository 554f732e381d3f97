import Foundation
import GRDB
import OpsDeckCore

/// A row of `incidents`: one PagerDuty incident.
struct IncidentRecord: Hashable, CacheRecord, BulkRecord {
    static let databaseTableName = "incidents"

    var id: String
    var number: Int
    var title: String
    var status: String
    var urgency: String
    var priority: String?
    var serviceName: String
    /// JSON array of assignee names.
    var assignees: String
    var escalationPolicy: String?
    var createdAt: Date
    var updatedAt: Date
    var incidentKey: String?
    var htmlUrl: String?
    var alarmArn: String?
    /// The account and region the incident is about, when known; not the refresh's scope.
    var incidentAccountId: String?
    var incidentRegion: String?
    /// The refresh's scope: PagerDuty is read once for all accounts (`*`, `global`).
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date
    var serviceId: String?
    /// When the state was last set (event `occurred_at` or REST `updated_at`); NULL when it
    /// never was (known only from a note). Newer wins, in `ingest` and `upsertIncidents`.
    var lastEventAt: Date?
    /// JSON array of `IncidentTimelineEntry`.
    var timeline: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case number
        case title
        case status
        case urgency
        case priority
        case serviceName = "service_name"
        case assignees
        case escalationPolicy = "escalation_policy"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case incidentKey = "incident_key"
        case htmlUrl = "html_url"
        case alarmArn = "alarm_arn"
        case incidentAccountId = "incident_account_id"
        case incidentRegion = "incident_region"
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
        case serviceId = "service_id"
        case lastEventAt = "last_event_at"
        case timeline
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let status = Column(CodingKeys.status)
        static let createdAt = Column(CodingKeys.createdAt)
        static let alarmArn = Column(CodingKeys.alarmArn)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ incident: Incident, scope: RefreshScope) {
        id = incident.id
        number = incident.number
        title = incident.title
        status = incident.status.rawValue
        urgency = incident.urgency.rawValue
        priority = incident.priority
        serviceName = incident.serviceName
        assignees = JSONText.encode(incident.assignees)
        escalationPolicy = incident.escalationPolicy
        createdAt = incident.createdAt
        updatedAt = incident.updatedAt
        incidentKey = incident.incidentKey
        htmlUrl = incident.htmlURL
        alarmArn = incident.alarmARN
        incidentAccountId = incident.accountId
        incidentRegion = incident.region
        accountId = scope.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
        serviceId = incident.serviceId
        lastEventAt = incident.lastEventAt
        timeline = IncidentTimelineCoding.encode(incident.timeline)
    }

    static let bulkColumns = CodingKeys.allCases.map(\.rawValue)

    var bulkValues: [(any DatabaseValueConvertible)?] {
        [
            id, number, title, status, urgency, priority, serviceName, assignees, escalationPolicy,
            createdAt.timeIntervalSinceReferenceDate, updatedAt.timeIntervalSinceReferenceDate, incidentKey,
            htmlUrl, alarmArn,
            incidentAccountId, incidentRegion, accountId, region, source,
            fetchedAt.timeIntervalSinceReferenceDate, serviceId, lastEventAt?.timeIntervalSinceReferenceDate,
            timeline,
        ]
    }

    /// Insert or overwrite one incident (the webhook and REST paths have already decided
    /// which state wins).
    static let upsertSQL: String = {
        let columns = bulkColumns.joined(separator: ", ")
        let marks = Array(repeating: "?", count: bulkColumns.count).joined(separator: ", ")
        return "INSERT OR REPLACE INTO incidents (\(columns)) VALUES (\(marks))"
    }()

    /// The columns `decode` reads, by index, in storage order (sorted in Swift).
    static let selectSQL = """
        SELECT id, number, title, status, urgency, priority, service_name, assignees, escalation_policy,
            created_at, updated_at, incident_key, html_url, alarm_arn, incident_account_id, incident_region,
            service_id, last_event_at, timeline
        FROM incidents
        """

    static func decode(_ row: RawRow, cache: inout DecodeCache) -> Incident {
        Incident(
            id: row.string(0), number: row.int(1), title: row.string(2),
            status: Incident.Status(rawValue: cache.string(row, 3)) ?? .triggered,
            urgency: Incident.Urgency(rawValue: cache.string(row, 4)) ?? .high,
            priority: cache.optionalString(row, 5), serviceName: cache.string(row, 6),
            assignees: cache.array(row, 7), escalationPolicy: cache.optionalString(row, 8),
            createdAt: row.date(9), updatedAt: row.date(10), incidentKey: row.optionalString(11),
            htmlURL: row.optionalString(12), alarmARN: row.optionalString(13),
            accountId: cache.optionalString(row, 14), region: cache.optionalString(row, 15),
            serviceId: cache.optionalString(row, 16), lastEventAt: row.optionalDate(17),
            timeline: IncidentTimelineCoding.decode(row.bytes(18)))
    }
}
