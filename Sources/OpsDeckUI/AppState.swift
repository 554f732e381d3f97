import Dispatch
import Foundation
import OpsDeckCore
import TerminalKit

/// The whole state of the console. Pure data: the reducer changes it, the renderer
/// draws it, and neither touches a terminal, a socket or a file.
public struct AppState: Sendable {
    public var snapshot: OrgSnapshot = .empty
    public var panes: [PaneID: PaneState] = Dictionary(
        uniqueKeysWithValues: PaneID.allCases.map { ($0, PaneState()) })
    public var focus: PaneID = .alerts
    public var zoomed = false
    public var mode: Mode = .normal
    public var size: Size
    public var now: Date
    /// The time the tables' ages and running durations are shown for: the last data change
    /// or input, so an idle console writes only the header's clock and the data-age labels
    /// (docs/decisions.md).
    public var agesAsOf: Date
    public var theme: Theme
    public var keymap: Keymap
    public var readonly: Bool
    public var ascii: Bool
    /// How the selected row is drawn (`[ui] selection`).
    public var selectionStyle: SelectionStyle = .marker
    /// The region the panes are narrowed to (`:region`); nil shows every region.
    public var region: String?
    public var rolesView: PresentationContext.RolesView = .list
    public var costView: PresentationContext.CostView = .byAccount
    public var message: StatusMessage?
    /// Refreshes running now, oldest first.
    public var refreshes: [RefreshActivity] = []
    /// Configured profile and regions, shown in the header before any data arrives.
    public var profile: String
    public var regions: [String]
    public var refreshIntervals: [Source: TimeInterval]
    /// Theme names for `:theme` completion.
    public var themeNames: [String]
    /// Lookups for presenters, rebuilt with each snapshot.
    public private(set) var context: PresentationContext
    /// Each source's statuses folded, rebuilt with each snapshot.
    public private(set) var health: [Source: SourceHealth] = [:]
    /// Break-glass: the MFA device, the countdown, the form being acted on (bg-console).
    public var breakGlass = BreakGlassConsoleState()

    public init(
        size: Size, now: Date, theme: Theme, keymap: Keymap = .defaults, readonly: Bool = false,
        ascii: Bool = false,
        profile: String = "default", regions: [String] = ["us-east-1", "us-west-2"],
        refreshIntervals: [Source: TimeInterval] = AppState.defaultIntervals, themeNames: [String] = []
    ) {
        self.size = size
        self.now = now
        self.agesAsOf = now
        self.theme = theme
        self.keymap = keymap
        self.readonly = readonly
        self.ascii = ascii
        self.profile = profile
        self.regions = regions
        self.refreshIntervals = refreshIntervals
        self.themeNames = themeNames
        self.context = PresentationContext(snapshot: .empty, ascii: ascii)
        rebuildAll()
    }

    public static let defaultIntervals: [Source: TimeInterval] = [
        .alarms: 60, .incidents: 60, .pipelines: 120, .organizations: 3600, .roles: 3600, .cost: 21_600,
    ]

    public func pane(_ id: PaneID) -> PaneState { panes[id] ?? PaneState() }

    public mutating func updatePane(_ id: PaneID, _ change: (inout PaneState) -> Void) {
        var pane = panes[id] ?? PaneState()
        change(&pane)
        panes[id] = pane
    }

    /// Rebuilds every pane's rows from the snapshot (a new snapshot or a view change).
    public mutating func rebuildAll() {
        var health: [Source: SourceHealth] = [:]
        for status in snapshot.statuses { health[status.source, default: SourceHealth()].add(status) }
        self.health = health
        rebuildContext()
        // The panes are independent: build them on every core (the large demo's Roles and
        // Pipelines take most of the start-up time otherwise, one after the other).
        let ids = PaneID.allCases
        let snapshot = self.snapshot
        let context = self.context
        var states = ids.map { pane($0) }
        states.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: ids.count) { i in
                slots[i].setContent(
                    PaneContentBuilder.content(for: ids[i], snapshot: snapshot, context: context))
            }
        }
        for (id, state) in zip(ids, states) { panes[id] = state }
    }

    mutating func rebuildContext() {
        context = PresentationContext(
            snapshot: snapshot, region: region, rolesView: rolesView, costView: costView, ascii: ascii)
    }

    public mutating func rebuild(_ id: PaneID) {
        let content = PaneContentBuilder.content(for: id, snapshot: snapshot, context: context)
        updatePane(id) { $0.setContent(content) }
    }

    /// How fresh a pane's data is.
    public func staleness(of id: PaneID) -> Staleness {
        let folded = id.sources.reduce(SourceHealth()) { $0.merged(with: health[$1] ?? SourceHealth()) }
        let interval = id.sources.compactMap { refreshIntervals[$0] }.max() ?? 300
        return folded.staleness(interval: interval, now: now)
    }

    /// The worst staleness over all panes, for the header.
    public var overallStaleness: Staleness {
        guard !health.isEmpty else { return .empty }
        var worst: Staleness = .live
        for id in PaneID.allCases {
            let s = staleness(of: id)
            switch (s, worst) {
            case (.failed, _): return s
            case (.stale, .live), (.stale, .asOf), (.asOf, .live): worst = s
            default: break
            }
        }
        return worst
    }
}
