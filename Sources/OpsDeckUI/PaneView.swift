import Foundation
import OpsDeckCore
import TerminalKit

/// One pane: its frame (title, filter, data age), the Cost summary where it has one,
/// and its table.
enum PaneView {
    static func draw(
        into buffer: inout ScreenBuffer, area: Rect, pane id: PaneID, state: AppState, glyphs: Glyphs
    ) {
        let pane = state.pane(id)
        let focused = state.focus == id
        var title = "\(id.rawValue + 1) \(id.title)"
        if let filter = pane.filter {
            title += " /\(filter.query) (\(pane.visible.count)/\(pane.content.rows.count))"
        }
        if id == .roles, state.rolesView == .baseline { title += " · baseline" }
        if id == .cost { title += state.costView == .byAccount ? " · by account" : " · by service" }
        if let region = state.region, id == .alerts || id == .pipelines { title += " · \(region)" }
        let staleness = state.staleness(of: id)
        let labelRole: ThemeRole =
            switch staleness {
            case .failed: .error
            case .stale, .empty: .stale
            default: .muted
            }
        // The frame never changes with the selection: a frame that did would repaint the
        // whole pane on every move and stop curses from scrolling (7 KB instead of 0.4).
        let borderRole: ThemeRole = focused ? .borderFocused : .border
        let frame = Frame(
            title: title, label: staleness.label,
            borderStyle: focused ? .heavy : .light,
            borderPaint: state.paint(borderRole), titlePaint: state.paint(focused ? .titleFocused : .title),
            labelPaint: state.paint(labelRole), fill: state.paint(.background))
        let inner = frame.draw(into: &buffer, area: area, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let summaryHeight = ConsoleLayout.summaryHeight(for: id, in: area)
        if summaryHeight > 0 {
            CostSummaryView.draw(
                into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: summaryHeight),
                state: state, glyphs: glyphs)
        }
        let tableArea = Rect(
            x: inner.x, y: inner.y + summaryHeight, width: inner.width, height: inner.height - summaryHeight)
        drawTable(into: &buffer, area: tableArea, pane: pane, focused: focused, state: state, glyphs: glyphs)
    }

    static func drawTable(
        into buffer: inout ScreenBuffer, area: Rect, pane: PaneState, focused: Bool, state: AppState,
        glyphs: Glyphs
    ) {
        guard area.height > 0, area.width > 0 else { return }
        let content = pane.content
        // The marker style keeps a one-cell gutter left of the columns for the marker.
        let gutter = state.selectionStyle == .marker && area.width > 1 ? 1 : 0
        let columnsX = area.x + gutter
        let slots = ColumnLayout.slots(for: content.columns, width: area.width - gutter)
        let headerPaint = state.paint(.tableHeader)
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: headerPaint.blankCell)
        for slot in slots {
            let column = content.columns[slot.column]
            var title = column.title
            if pane.sortColumn == slot.column {
                title += pane.sortAscending ? glyphs.sortAscending : glyphs.sortDescending
            }
            buffer.write(
                title, x: columnsX + slot.x, y: area.y, width: slot.width,
                alignment: column.alignment == .right ? .right : .left, paint: headerPaint,
                ellipsis: glyphs.ellipsis)
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard body.height > 0 else { return }
        if pane.visible.isEmpty {
            let message =
                content.rows.isEmpty ? content.emptyMessage : "No rows match the filter (Esc clears it)"
            buffer.write(message, x: body.x + 1, y: body.y, width: body.width - 1, paint: state.paint(.muted))
            return
        }
        let end = min(pane.visible.count, pane.offset + body.height)
        let flattened = pane.isFlattened
        for (line, position) in (pane.offset..<end).enumerated() {
            let row = content.rows[pane.visible[position]]
            let y = body.y + line
            let selected = position == pane.selected
            let selectionRole: ThemeRole = focused ? .selection : .selectionUnfocused
            let rowRole = row.role ?? .text
            let bar = selected && gutter == 0
            // Gaps between columns take the row's paint, so a row costs one colour change
            // per coloured cell, not a reset and a colour for every gap.
            buffer.fill(
                Rect(x: body.x, y: y, width: body.width, height: 1),
                with: state.paint(bar ? selectionRole : rowRole).blankCell)
            let firstSlot = slots.first?.column
            if selected, gutter > 0 {
                // The marker and the first column: moving them leaves the rest of the old row
                // as it was, so a one-row scroll sends a few cells of it, not the whole row.
                let selectionPaint = state.paint(selectionRole)
                let firstWidth = slots.first.map { $0.x + $0.width } ?? 0
                buffer.fill(
                    Rect(x: body.x, y: y, width: min(body.width, gutter + firstWidth), height: 1),
                    with: selectionPaint.blankCell)
                buffer.write(glyphs.selectionMarker, x: body.x, y: y, width: gutter, paint: selectionPaint)
            }
            for slot in slots {
                let column = content.columns[slot.column]
                guard slot.column < row.cells.count else { continue }
                var text = row.cells[slot.column].render(now: state.agesAsOf, ascii: state.ascii)
                if slot.column == 0, content.isTree, !flattened {
                    let marker =
                        row.nodeId == nil
                        ? glyphs.treeLeaf
                        : (pane.collapsed.contains(row.nodeId ?? "")
                            ? glyphs.treeCollapsed : glyphs.treeExpanded)
                    text = String(repeating: "  ", count: row.depth) + marker + " " + text
                }
                // The selection bar is one style from edge to edge: per-cell colours on it
                // cost a colour change per cell every time the selection moves. Whether the
                // selected row is production shows in the status bar instead.
                let inSelection = bar || (selected && slot.column == firstSlot)
                let paint =
                    inSelection
                    ? state.paint(selectionRole) : state.paint(row.cellRoles[slot.column] ?? rowRole)
                buffer.write(
                    text, x: columnsX + slot.x, y: y, width: slot.width,
                    alignment: column.alignment == .right ? .right : .left, paint: paint,
                    ellipsis: glyphs.ellipsis)
            }
        }
    }

}
