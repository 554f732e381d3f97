import Foundation

/// One row of the alert inbox: a CloudWatch alarm in ALARM, a PagerDuty incident, or
/// both when the incident was raised by the alarm.
public struct Alert: Sendable, Hashable, Identifiable {
    public struct Sources: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let cloudWatch = Sources(rawValue: 1)
        public static let pagerDuty = Sources(rawValue: 2)
    }

    public var id: String
    public var severity: Severity
    public var sources: Sources
    public var accountId: String?
    public var region: String?
    public var title: String
    /// `ALARM`, `triggered`, `acknowledged`, `resolved`.
    public var status: String
    public var since: Date
    public var alarm: Alarm?
    public var incident: Incident?

    public init(
        id: String, severity: Severity, sources: Sources, accountId: String?, region: String?, title: String,
        status: String, since: Date, alarm: Alarm? = nil, incident: Incident? = nil
    ) {
        self.id = id
        self.severity = severity
        self.sources = sources
        self.accountId = accountId
        self.region = region
        self.title = title
        self.status = status
        self.since = since
        self.alarm = alarm
        self.incident = incident
    }

    /// A resolved incident whose alarm still fires: somebody closed the page too early.
    public var isResolvedButStillFiring: Bool {
        incident?.status == .resolved && alarm?.state == .alarm
    }
}
