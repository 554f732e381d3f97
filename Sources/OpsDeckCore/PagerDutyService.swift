import Foundation

/// A PagerDuty service, as `service.*` webhook events (and the REST API) describe it.
public struct PagerDutyService: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// `summary` (or `name`): what PagerDuty shows as the service's name.
    public var name: String
    public var htmlURL: String?
    /// `active`, `warning`, `critical`, `maintenance` or `disabled`, when known.
    public var status: String?
    /// Team names.
    public var teams: [String]
    /// Set by `service.deleted`; kept so an older `service.updated` cannot bring it back.
    public var isDeleted: Bool
    /// The `occurred_at` of the event that last changed it; older events never roll it back.
    public var lastEventAt: Date?

    public init(
        id: String, name: String, htmlURL: String? = nil, status: String? = nil, teams: [String] = [],
        isDeleted: Bool = false, lastEventAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.htmlURL = htmlURL
        self.status = status
        self.teams = teams
        self.isDeleted = isDeleted
        self.lastEventAt = lastEventAt
    }
}
