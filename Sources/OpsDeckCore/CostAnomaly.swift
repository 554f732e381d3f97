import Foundation

/// An anomaly AWS Cost Anomaly Detection found: spend above what was expected.
public struct CostAnomaly: Sendable, Hashable, Codable, Identifiable {
    /// What someone said about the anomaly in the console.
    public enum Feedback: String, Sendable, Hashable, Codable {
        case yes = "YES"
        case no = "NO"
        case plannedActivity = "PLANNED_ACTIVITY"
    }

    public var id: String
    public var startDate: Date
    /// Nil while the anomaly goes on.
    public var endDate: Date?
    /// What the monitor watches: a service name or an account id.
    public var dimensionValue: String?
    /// The service of the first root cause.
    public var service: String?
    /// The linked account of the first root cause.
    public var accountId: String?
    public var accountName: String?
    public var region: String?
    public var usageType: String?
    /// The excess over the whole anomaly.
    public var totalImpact: Double
    /// The largest daily excess.
    public var maxImpact: Double
    public var maxScore: Double
    public var monitorArn: String?
    public var feedback: Feedback?

    /// Creates an anomaly.
    public init(
        id: String, startDate: Date, endDate: Date? = nil, dimensionValue: String? = nil,
        service: String? = nil, accountId: String? = nil, accountName: String? = nil, region: String? = nil,
        usageType: String? = nil, totalImpact: Double, maxImpact: Double, maxScore: Double = 0,
        monitorArn: String? = nil, feedback: Feedback? = nil
    ) {
        self.id = id
        self.startDate = startDate
        self.endDate = endDate
        self.dimensionValue = dimensionValue
        self.service = service
        self.accountId = accountId
        self.accountName = accountName
        self.region = region
        self.usageType = usageType
        self.totalImpact = totalImpact
        self.maxImpact = maxImpact
        self.maxScore = maxScore
        self.monitorArn = monitorArn
        self.feedback = feedback
    }

    /// What the anomaly is in, for a one-line label: the service, else the monitored value.
    public var subject: String { service ?? dimensionValue ?? "unknown" }

    /// Largest total impact first; ties by the newest start, then id.
    public static func byImpact(_ lhs: CostAnomaly, _ rhs: CostAnomaly) -> Bool {
        if lhs.totalImpact != rhs.totalImpact { return lhs.totalImpact > rhs.totalImpact }
        if lhs.startDate != rhs.startDate { return lhs.startDate > rhs.startDate }
        return lhs.id < rhs.id
    }
}
