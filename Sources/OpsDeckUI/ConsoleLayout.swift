import TerminalKit

/// Where everything goes for a terminal size: header, tab bar, panes, status bar.
/// Pure, so the renderer and mouse hit-testing agree.
public struct ConsoleLayout: Sendable, Equatable {
    public var header: Rect
    public var tabBar: Rect?
    public var panes: [PaneID: Rect]
    public var statusBar: Rect
    public var tooSmall: Bool

    /// Below this the console shows "window too small" instead of panes.
    public static let minimumSize = Size(width: 30, height: 8)
    /// At this size and up, all five panes show at once.
    public static let dashboardSize = Size(width: 100, height: 30)

    public init(size: Size, focus: PaneID, zoomed: Bool) {
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        statusBar = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
        tooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        tabBar = nil
        panes = [:]
        guard !tooSmall else { return }
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let dashboard = size.width >= Self.dashboardSize.width && size.height >= Self.dashboardSize.height
        if zoomed {
            panes[focus] = body
        } else if dashboard {
            let topHeight = body.height * 55 / 100
            let top = Rect(x: body.x, y: body.y, width: body.width, height: topHeight)
            let bottom = Rect(
                x: body.x, y: body.y + topHeight, width: body.width, height: body.height - topHeight)
            let alertsWidth = top.width * 55 / 100
            panes[.alerts] = Rect(x: top.x, y: top.y, width: alertsWidth, height: top.height)
            panes[.accounts] = Rect(
                x: top.x + alertsWidth, y: top.y, width: top.width - alertsWidth, height: top.height)
            let pipelinesWidth = bottom.width * 42 / 100
            let costWidth = bottom.width * 32 / 100
            panes[.pipelines] = Rect(x: bottom.x, y: bottom.y, width: pipelinesWidth, height: bottom.height)
            panes[.cost] = Rect(
                x: bottom.x + pipelinesWidth, y: bottom.y, width: costWidth, height: bottom.height)
            panes[.roles] = Rect(
                x: bottom.x + pipelinesWidth + costWidth, y: bottom.y,
                width: bottom.width - pipelinesWidth - costWidth, height: bottom.height)
        } else {
            tabBar = Rect(x: 0, y: 1, width: size.width, height: 1)
            panes[focus] = Rect(x: 0, y: 2, width: size.width, height: size.height - 3)
        }
    }

    /// True when more than one pane is on screen.
    public var isDashboard: Bool { panes.count > 1 }

    /// The pane under a point, if any.
    public func pane(at point: Point) -> PaneID? {
        panes.first { $0.value.contains(point) }?.key
    }

    /// Lines above the table inside a pane's frame (the Cost pane's summary).
    public static func summaryHeight(for pane: PaneID, in rect: Rect) -> Int {
        guard pane == .cost else { return 0 }
        let inner = rect.height - 2
        return inner >= 14 ? 6 : (inner >= 8 ? 3 : 0)
    }

    /// The rows of the table body (inside the frame, below the header row) for a pane.
    public func tableBody(for pane: PaneID) -> Rect? {
        guard let rect = panes[pane] else { return nil }
        let inner = rect.inset(by: 1)
        let summary = Self.summaryHeight(for: pane, in: rect)
        return Rect(
            x: inner.x, y: inner.y + summary + 1, width: inner.width, height: inner.height - summary - 1)
    }
}
