import Foundation

/// A PagerDuty incident as OpsDeck keeps it.
public struct Incident: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case triggered
        case acknowledged
        case resolved
    }

    public enum Urgency: String, Sendable, Codable, CaseIterable {
        case high
        case low
    }

    public var id: String
    public var number: Int
    public var title: String
    public var status: Status
    public var urgency: Urgency
    /// PagerDuty priority summary such as `P1`, when the account uses priorities.
    public var priority: String?
    public var serviceName: String
    public var assignees: [String]
    public var escalationPolicy: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var incidentKey: String?
    public var htmlURL: String?
    /// The CloudWatch alarm that raised it through SNS, when one did.
    public var alarmARN: String?
    /// Account and region parsed from the alarm or the service, when known.
    public var accountId: String?
    public var region: String?
    /// PagerDuty's id of the service, when known (webhook events carry it).
    public var serviceId: String?
    /// When the status, assignees, escalation policy, priority and urgency were last set: the
    /// `occurred_at` of the event that set them, or the REST read's `updated_at`. An event
    /// older than this never changes them. Nil while they were never set (the incident is
    /// only known from a note or responder event): any event carrying the incident then does.
    public var lastEventAt: Date?
    /// What happened to the incident, oldest first: notes, status updates, responders, state
    /// changes and events OpsDeck does not know (kept, never dropped). Bounded by
    /// `Incident.timelineLimit`, newest kept.
    public var timeline: [IncidentTimelineEntry]

    public init(
        id: String, number: Int, title: String, status: Status, urgency: Urgency, priority: String? = nil,
        serviceName: String, assignees: [String] = [], escalationPolicy: String? = nil, createdAt: Date,
        updatedAt: Date, incidentKey: String? = nil, htmlURL: String? = nil, alarmARN: String? = nil,
        accountId: String? = nil, region: String? = nil, serviceId: String? = nil, lastEventAt: Date? = nil,
        timeline: [IncidentTimelineEntry] = []
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.status = status
        self.urgency = urgency
        self.priority = priority
        self.serviceName = serviceName
        self.assignees = assignees
        self.escalationPolicy = escalationPolicy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.incidentKey = incidentKey
        self.htmlURL = htmlURL
        self.alarmARN = alarmARN
        self.accountId = accountId
        self.region = region
        self.serviceId = serviceId
        self.lastEventAt = lastEventAt
        self.timeline = timeline
    }

    /// The notes added to the incident (`incident.annotated`), oldest first.
    public var notes: [IncidentTimelineEntry] {
        timeline.filter { $0.kind == .annotated }
    }

    /// Severity from the priority if set, else from urgency.
    public var severity: Severity {
        if let priority, let sev = Severity(loose: priority) { return sev }
        return urgency == .high ? .high : .warning
    }
}
