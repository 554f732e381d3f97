import OpsDeckCore

/// Picks the presenter for a pane.
public enum PaneContentBuilder {
    public static func content(for pane: PaneID, snapshot: OrgSnapshot, context: PresentationContext)
        -> PaneContent
    {
        switch pane {
        case .accounts: AccountsPresenter.content(snapshot, context)
        case .roles: RolesPresenter.content(snapshot, context)
        case .pipelines: PipelinesPresenter.content(snapshot, context)
        case .alerts: AlertsPresenter.content(snapshot, context)
        case .cost: CostPresenter.content(snapshot, context)
        }
    }

    public static func detail(
        for pane: PaneID, rowId: String, snapshot: OrgSnapshot, context: PresentationContext
    ) -> [(String, String)] {
        switch pane {
        case .accounts: AccountsPresenter.detail(rowId, snapshot, context)
        case .roles: RolesPresenter.detail(rowId, snapshot, context)
        case .pipelines: PipelinesPresenter.detail(rowId, snapshot, context)
        case .alerts: AlertsPresenter.detail(rowId, snapshot, context)
        case .cost: CostPresenter.detail(rowId, snapshot, context)
        }
    }
}
