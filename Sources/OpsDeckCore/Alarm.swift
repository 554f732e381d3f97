import Foundation

/// A CloudWatch alarm (metric or composite) in one account and region.
public struct Alarm: Sendable, Hashable, Codable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case alarm = "ALARM"
        case ok = "OK"
        case insufficientData = "INSUFFICIENT_DATA"
    }

    public var arn: String
    public var name: String
    public var accountId: String
    public var region: String
    public var state: State
    public var stateReason: String
    public var stateUpdatedAt: Date
    public var namespace: String?
    public var metricName: String?
    public var threshold: Double?
    public var isComposite: Bool
    public var severity: Severity
    public var actions: [String]
    public var tags: [String: String]

    public init(
        arn: String, name: String, accountId: String, region: String, state: State, stateReason: String = "",
        stateUpdatedAt: Date, namespace: String? = nil, metricName: String? = nil, threshold: Double? = nil,
        isComposite: Bool = false, severity: Severity? = nil, actions: [String] = [],
        tags: [String: String] = [:]
    ) {
        self.arn = arn
        self.name = name
        self.accountId = accountId
        self.region = region
        self.state = state
        self.stateReason = stateReason
        self.stateUpdatedAt = stateUpdatedAt
        self.namespace = namespace
        self.metricName = metricName
        self.threshold = threshold
        self.isComposite = isComposite
        self.severity = severity ?? Severity.infer(name: name, tags: tags)
        self.actions = actions
        self.tags = tags
    }

    public var id: String { arn }
    /// The billing alarm lives in us-east-1 on `AWS/Billing EstimatedCharges`.
    public var isBillingAlarm: Bool { namespace == "AWS/Billing" && metricName == "EstimatedCharges" }
}
