import Foundation
import OpsDeckCore
import TerminalKit

/// Draws the whole console for a state. Pure: the same state always gives the same
/// buffer, which is what the screen tests compare.
public enum ConsoleRenderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size, fill: state.paint(.background).blankCell)
        let layout = state.layout
        let glyphs: Glyphs = state.ascii ? .ascii : .unicode
        if layout.tooSmall {
            drawTooSmall(&buffer, state)
            return buffer
        }
        HeaderView.draw(into: &buffer, area: layout.header, state: state)
        if let tabBar = layout.tabBar { drawTabBar(&buffer, tabBar, state) }
        for (id, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            PaneView.draw(into: &buffer, area: rect, pane: id, state: state, glyphs: glyphs)
        }
        let body = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 2)
        switch state.mode {
        case .help(let offset):
            OverlayView.draw(
                into: &buffer, area: body, title: "Help: keys and commands (Esc closes)",
                lines: HelpContent.lines(keymap: state.keymap), offset: offset, state: state, glyphs: glyphs)
        case .detail(let pane, let rowId, let offset):
            let lines = PaneContentBuilder.detail(
                for: pane, rowId: rowId, snapshot: state.snapshot, context: state.context)
            let prod = state.pane(pane).content.rows.first { $0.id == rowId }?.isProduction ?? false
            OverlayView.draw(
                into: &buffer, area: body, title: detailTitle(pane, state), lines: lines,
                offset: offset,
                state: state, glyphs: glyphs, production: prod)
        case .incidentConfirm(let prompt):
            IncidentDialogView.draw(
                into: &buffer, area: body, prompt: prompt, field: nil, state: state, glyphs: glyphs)
        case .incidentInput(let prompt, let field):
            IncidentDialogView.draw(
                into: &buffer, area: body, prompt: prompt, field: field, state: state, glyphs: glyphs)
        case .breakGlass(let form):
            BreakGlassOverlay.drawForm(into: &buffer, area: body, form: form, state: state, glyphs: glyphs)
        case .audit(let view):
            BreakGlassOverlay.drawAudit(into: &buffer, area: body, view: view, state: state, glyphs: glyphs)
        default:
            break
        }
        StatusBarView.draw(into: &buffer, area: layout.statusBar, state: state)
        return buffer
    }

    /// A role's detail names the key that assumes it (bg-console).
    static func detailTitle(_ pane: PaneID, _ state: AppState) -> String {
        guard pane == .roles, !state.readonly, let key = state.keymap.keys(for: .breakGlass).first else {
            return "\(pane.title) detail (Esc back)"
        }
        return "\(pane.title) detail (Esc back, Enter or \(key.name) break-glass)"
    }

    static func drawTooSmall(_ buffer: inout ScreenBuffer, _ state: AppState) {
        let minimum = ConsoleLayout.minimumSize
        let lines = [
            "window too small",
            "\(state.size.width)x\(state.size.height), need \(minimum.width)x\(minimum.height)",
            "q quits",
        ]
        let top = max(0, (state.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let text = TextFit.truncate(line, to: state.size.width)
            let x = max(0, (state.size.width - TextFit.width(of: text)) / 2)
            buffer.write(text, x: x, y: top + i, paint: state.paint(i == 0 ? .warning : .muted))
        }
    }

    static func drawTabBar(_ buffer: inout ScreenBuffer, _ area: Rect, _ state: AppState) {
        buffer.fill(area, paint: state.paint(.tabInactive))
        for tab in TabBarLayout.tabs {
            let role: ThemeRole = tab.pane == state.focus ? .tabActive : .tabInactive
            buffer.write(tab.label, x: area.x + tab.range.lowerBound, y: area.y, paint: state.paint(role))
        }
    }
}

extension AppState {
    /// The paint for a role: its style in the current theme, tagged with the role so
    /// screen tests can check colours by meaning.
    public func paint(_ role: ThemeRole) -> Paint { Paint(theme[role], role: role.rawValue) }
}
