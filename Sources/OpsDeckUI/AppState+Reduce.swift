import Foundation
import OpsDeckCore
import TerminalKit

extension AppState {
    /// Applies one action and returns the effects the runtime must carry out.
    public mutating func reduce(_ action: Action) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .key, .mouse, .resize, .snapshot: agesAsOf = now
        default: break
        }
        switch action {
        case .key(let key): effects = handleKey(key)
        case .mouse(let event): handleMouse(event)
        case .resize(let newSize): size = newSize
        case .snapshot(let newSnapshot):
            snapshot = newSnapshot
            rebuildAll()
        case .tick(let date):
            now = date
            if let message, message.expiresAt <= date { self.message = nil }
        case .themeLoaded(let newTheme):
            theme = newTheme
            show("Theme \(newTheme.name)")
        case .message(let text, let isError): show(text, isError: isError)
        case .refreshEvent(let event): apply(event)
        case .mfaRequested(let serial): mode = .mfa(serial: serial, field: TextField(masked: true))
        case .incidentActionQueued(let queued): recordIncidentAction(queued)
        case .breakGlassAssumed, .breakGlassFailed, .breakGlassSessions, .auditLoaded:
            effects = reduceBreakGlass(action)
        }
        keepSelectionsVisible()
        return effects
    }

    /// Shows a status-bar message for a few seconds (errors longer).
    public mutating func show(_ text: String, isError: Bool = false) {
        message = StatusMessage(
            text: text, isError: isError, expiresAt: now.addingTimeInterval(isError ? 12 : 4))
    }

    public var layout: ConsoleLayout { ConsoleLayout(size: size, focus: focus, zoomed: zoomed) }

    private mutating func keepSelectionsVisible() {
        let layout = self.layout
        for id in PaneID.allCases {
            guard let body = layout.tableBody(for: id) else { continue }
            updatePane(id) { $0.scrollToSelection(height: body.height) }
        }
    }

    private func pageSize(_ id: PaneID) -> Int { max(1, (layout.tableBody(for: id)?.height ?? 10) - 1) }

    private mutating func handleKey(_ key: Key) -> [Effect] {
        // Quit, suspend and redraw work whatever the keyboard is talking to.
        if case .control = key, let action = keymap.action(for: key) {
            switch action {
            case .quit: return [.quit]
            case .suspend: return [.suspend]
            case .redraw: return [.redraw]
            default: break
            }
        }
        switch mode {
        case .normal: return handleNormal(key)
        case .filter(var field): return handleFilter(key, &field)
        case .command(var field): return handleCommand(key, &field)
        case .help(let offset):
            if let newOffset = scrolled(offset, key: key, total: HelpContent.lines(keymap: keymap).count) {
                mode = .help(offset: newOffset)
            } else if key == .escape || key == .character("q") || keymap.action(for: key) == .help {
                mode = .normal
            }
            return []
        case .detail(let pane, let rowId, let offset):
            // Enter on a role opens its detail; Enter there (or `b` anywhere) takes it.
            if pane == .roles, key == .enter || keymap.action(for: key) == .breakGlass {
                return beginBreakGlass()
            }
            let total = PaneContentBuilder.detail(
                for: pane, rowId: rowId, snapshot: snapshot, context: context
            ).count
            if let newOffset = scrolled(offset, key: key, total: total) {
                mode = .detail(pane: pane, rowId: rowId, offset: newOffset)
            } else if key == .escape || key == .character("q") || keymap.action(for: key) == .back {
                mode = .normal
            }
            return []
        case .mfa(let serial, var field): return handleMFA(key, serial: serial, field: &field)
        case .incidentConfirm(let prompt): return handleIncidentConfirm(key, prompt)
        case .incidentInput(let prompt, var field): return handleIncidentInput(key, prompt, &field)
        case .breakGlass(let form): return handleBreakGlassForm(key, form)
        case .audit(let view): return handleAudit(key, view)
        }
    }

    /// Scrolling inside help and detail views; nil when the key is not a scroll key.
    private func scrolled(_ offset: Int, key: Key, total: Int) -> Int? {
        let page = max(1, size.height - 4)
        let maxOffset = max(0, total - page)
        switch keymap.action(for: key) {
        case .down: return min(maxOffset, offset + 1)
        case .up: return max(0, offset - 1)
        case .pageDown: return min(maxOffset, offset + page)
        case .pageUp: return max(0, offset - page)
        case .top: return 0
        case .bottom: return maxOffset
        default: return nil
        }
    }

    private mutating func handleNormal(_ key: Key) -> [Effect] {
        guard let action = keymap.action(for: key) else { return [] }
        switch action {
        case .quit: return [.quit]
        case .help: mode = .help(offset: 0)
        case .nextPane: focus = focus.next
        case .previousPane: focus = focus.previous
        case .pane1: focus = .accounts
        case .pane2: focus = .roles
        case .pane3: focus = .pipelines
        case .pane4: focus = .alerts
        case .pane5: focus = .cost
        case .zoom: zoomed.toggle()
        case .down: updatePane(focus) { $0.move(by: 1) }
        case .up: updatePane(focus) { $0.move(by: -1) }
        case .pageDown:
            let page = pageSize(focus)
            updatePane(focus) { $0.move(by: page) }
        case .pageUp:
            let page = pageSize(focus)
            updatePane(focus) { $0.move(by: -page) }
        case .top: updatePane(focus) { $0.select(0) }
        case .bottom: updatePane(focus) { $0.select(Int.max / 2) }
        case .open:
            if layout.isDashboard {
                zoomed = true
            } else if let row = pane(focus).selectedRow {
                mode = .detail(pane: focus, rowId: row.id, offset: 0)
            }
        case .back:
            if pane(focus).filter != nil {
                updatePane(focus) { $0.setFilter("") }
            } else if zoomed {
                zoomed = false
            }
        case .filter: mode = .filter(TextField(text: pane(focus).filter?.query ?? ""))
        case .command: mode = .command(TextField(text: ""))
        case .sortNext:
            let columns = pane(focus).content.columns.count
            guard columns > 0 else { break }
            let current = pane(focus).sortColumn ?? -1
            let next = current + 1 < columns ? current + 1 : nil
            updatePane(focus) { $0.sort(by: next, ascending: true) }
            if next == nil { show("Default order") } else { announceSort() }
        case .sortReverse:
            updatePane(focus) { $0.reverseSort() }
            announceSort()
        case .toggleNode: updatePane(focus) { $0.toggleNode() }
        case .toggleView: toggleView()
        case .refresh:
            show("Refreshing \(focus.title)…")
            return [.refresh(focus)]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .acknowledgeIncident, .resolveIncident, .snoozeIncident, .noteIncident, .reassignIncident:
            beginIncidentAction(action)
        case .breakGlass: return beginBreakGlass()
        case .auditLog: return openAudit()
        }
        return []
    }

    private mutating func announceSort() {
        let pane = pane(focus)
        guard let column = pane.sortColumn, column < pane.content.columns.count else { return }
        show(
            "Sorted by \(pane.content.columns[column].title) \(pane.sortAscending ? "ascending" : "descending")"
        )
    }

    private mutating func toggleView() {
        switch focus {
        case .roles:
            rolesView = rolesView == .list ? .baseline : .list
            show(rolesView == .list ? "Roles: every role" : "Roles: baseline (missing and drifted roles)")
        case .cost:
            costView = costView == .byAccount ? .byService : .byAccount
            show(costView == .byAccount ? "Cost by account" : "Cost by service")
        default:
            return
        }
        rebuildContext()
        rebuild(focus)
    }

    private mutating func handleFilter(_ key: Key, _ field: inout TextField) -> [Effect] {
        switch key {
        case .enter:
            mode = .normal
        case .escape:
            updatePane(focus) { $0.setFilter("") }
            mode = .normal
        default:
            if field.apply(key) {
                let query = field.text
                updatePane(focus) { $0.setFilter(query) }
                updatePane(focus) { $0.select(0) }
            }
            mode = .filter(field)
        }
        return []
    }

    private mutating func handleCommand(_ key: Key, _ field: inout TextField) -> [Effect] {
        switch key {
        case .enter:
            mode = .normal
            return execute(field.text)
        case .escape:
            mode = .normal
        case .tab:
            let options = commandCompletions(field.text)
            if let prefix = ConsoleCommand.commonPrefix(options), prefix.count > field.text.count {
                field = TextField(text: prefix)
            }
            mode = .command(field)
        default:
            _ = field.apply(key)
            mode = .command(field)
        }
        return []
    }

    public func commandCompletions(_ text: String) -> [String] {
        if let options = assumeCompletions(text) { return options }
        return ConsoleCommand.completions(for: text, regions: knownRegions, themes: themeNames)
    }

    /// Configured regions plus any seen in the data.
    public var knownRegions: [String] {
        var seen = Set(regions)
        var out = regions
        for region in snapshot.alarms.map(\.region) + snapshot.pipelineRuns.map(\.region)
        where !seen.contains(region) {
            seen.insert(region)
            out.append(region)
        }
        return out
    }

    private mutating func execute(_ text: String) -> [Effect] {
        let command: ConsoleCommand
        do {
            command = try ConsoleCommand.parse(text)
        } catch {
            show(error.description, isError: true)
            return []
        }
        switch command {
        case .quit: return [.quit]
        case .pane(let id): focus = id
        case .help: mode = .help(offset: 0)
        case .refresh:
            show("Refreshing \(focus.title)…")
            return [.refresh(focus)]
        case .theme(let name): return [.loadTheme(name)]
        case .filter(let query):
            updatePane(focus) {
                $0.setFilter(query)
                $0.select(0)
            }
        case .sort(let title):
            let columns = pane(focus).content.columns
            guard
                let index = columns.firstIndex(where: { $0.title.lowercased().hasPrefix(title.lowercased()) })
            else {
                show(
                    "No column \"\(title)\" in \(focus.title): \(columns.map(\.title).joined(separator: ", "))",
                    isError: true)
                return []
            }
            updatePane(focus) { $0.sort(by: index, ascending: true) }
            announceSort()
        case .region(let name):
            if let name, !knownRegions.contains(name) {
                show(
                    "Unknown region \(name): known are \(knownRegions.joined(separator: ", ")) (or :region all)",
                    isError: true)
                return []
            }
            region = name
            rebuildAll()
            show(name.map { "Showing \($0) only" } ?? "Showing every region")
        case .assume(let account, let role): return assumeCommand(account: account, role: role)
        case .audit: return openAudit()
        }
        return []
    }

    private mutating func handleMouse(_ event: MouseEvent) {
        let layout = self.layout
        guard case .normal = mode else { return }
        if let tabBar = layout.tabBar, tabBar.contains(event.position), event.kind == .press {
            if let pane = TabBarLayout.pane(at: event.position.x - tabBar.x) { focus = pane }
            return
        }
        guard let id = layout.pane(at: event.position) else { return }
        switch event.kind {
        case .wheelUp: updatePane(id) { $0.move(by: -3) }
        case .wheelDown: updatePane(id) { $0.move(by: 3) }
        case .press:
            focus = id
            guard let body = layout.tableBody(for: id), body.contains(event.position) else { return }
            let row = pane(id).offset + event.position.y - body.y
            if row < pane(id).visible.count { updatePane(id) { $0.select(row) } }
        case .release: break
        }
    }
}
