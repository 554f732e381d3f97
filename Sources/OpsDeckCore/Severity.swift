/// How urgent an alert is, across CloudWatch and PagerDuty.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case critical
    case high
    case warning
    case info

    public var rank: Int {
        switch self {
        case .critical: 0
        case .high: 1
        case .warning: 2
        case .info: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// From an alarm's name or its `Severity` tag: `P1`/`critical`/`sev1` and so on.
    public static func infer(name: String, tags: [String: String]) -> Severity {
        if let tag = tags["Severity"] ?? tags["severity"], let sev = Severity(loose: tag) { return sev }
        let tokens = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        // The most severe word wins: `low-disk-space-critical` is critical.
        return tokens.compactMap { Severity(loose: String($0)) }.min() ?? .warning
    }

    public init?(loose text: String) {
        switch text.lowercased() {
        case "critical", "crit", "p1", "sev1", "sev-1", "fatal", "page": self = .critical
        case "high", "p2", "sev2", "sev-2", "error", "major": self = .high
        case "warning", "warn", "p3", "sev3", "sev-3", "medium", "minor": self = .warning
        case "info", "low", "p4", "p5", "sev4", "sev5", "notice": self = .info
        default: return nil
        }
    }
}
