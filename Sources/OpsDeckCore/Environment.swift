/// The environment an account belongs to, derived from its OU or its tags.
///
/// Production is what every pane must make visibly distinct.
public enum Environment: String, Sendable, Codable, CaseIterable, Comparable {
    case prod
    case staging
    case dev
    case sandbox
    case security
    case shared
    case unknown

    /// Order used when sorting: production first, because it matters most at 3 a.m.
    public var rank: Int {
        switch self {
        case .prod: 0
        case .staging: 1
        case .dev: 2
        case .sandbox: 3
        case .security: 4
        case .shared: 5
        case .unknown: 6
        }
    }

    public static func < (lhs: Environment, rhs: Environment) -> Bool { lhs.rank < rhs.rank }

    /// Infers the environment from an OU path such as `Root/Workloads/Prod` and the
    /// account's tags; an `Environment` (or `environment`, `env`) tag wins.
    public static func infer(ouPath: String, tags: [String: String]) -> Environment {
        for key in ["Environment", "environment", "env", "Env"] {
            if let value = tags[key], let env = Environment(loose: value) { return env }
        }
        for component in ouPath.split(separator: "/").reversed() {
            if let env = Environment(loose: String(component)) { return env }
        }
        return .unknown
    }

    /// Accepts the spellings teams use in OU names and tags (`Prod`, `production`, `SharedServices`).
    public init?(loose text: String) {
        switch text.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(
            of: "_", with: "")
        {
        case "prod", "production", "prd": self = .prod
        case "staging", "stage", "stg", "preprod": self = .staging
        case "dev", "development", "test": self = .dev
        case "sandbox", "sbx", "playground": self = .sandbox
        case "security", "sec", "audit", "logarchive": self = .security
        case "shared", "sharedservices", "infrastructure", "infra", "platform": self = .shared
        default: return nil
        }
    }
}
