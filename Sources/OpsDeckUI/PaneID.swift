import OpsDeckCore

/// The five panes, in the order `1`..`5` jump to them.
public enum PaneID: Int, Sendable, CaseIterable, Hashable {
    case accounts
    case roles
    case pipelines
    case alerts
    case cost

    public var title: String {
        switch self {
        case .accounts: "Accounts"
        case .roles: "Roles"
        case .pipelines: "Pipelines"
        case .alerts: "Alerts"
        case .cost: "Cost"
        }
    }

    /// The name used by `:accounts` and `opsdeck export accounts`.
    public var commandName: String { title.lowercased() }

    public init?(commandName: String) {
        guard let pane = Self.allCases.first(where: { $0.commandName == commandName.lowercased() }) else {
            return nil
        }
        self = pane
    }

    /// The cache sources whose freshness this pane shows.
    public var sources: [Source] {
        switch self {
        case .accounts: [.organizations]
        case .roles: [.roles]
        case .pipelines: [.pipelines]
        case .alerts: [.alarms, .incidents]
        case .cost: [.cost]
        }
    }

    public var next: PaneID { PaneID(rawValue: (rawValue + 1) % Self.allCases.count) ?? .accounts }
    public var previous: PaneID {
        PaneID(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count) ?? .accounts
    }
}
