import TerminalKit

/// The bottom line: the filter or command being typed, a message, or key hints.
enum StatusBarView {
    static func draw(into buffer: inout ScreenBuffer, area: Rect, state: AppState) {
        buffer.fill(area, with: state.paint(.statusBar).blankCell)
        let pane = state.pane(state.focus)
        let position = pane.visible.isEmpty ? "0/0" : "\(pane.selected + 1)/\(pane.visible.count)"
        let right = " \(state.focus.title) \(position) "
        let production = pane.selectedRow?.isProduction == true ? " PROD " : ""
        let rightWidth = TextFit.width(of: right) + TextFit.width(of: production)
        let leftWidth = max(0, area.width - rightWidth)
        switch state.mode {
        case .filter(let field):
            drawInput(
                &buffer, prefix: "/", field: field,
                area: Rect(x: area.x, y: area.y, width: leftWidth, height: 1), state: state, role: .filter)
        case .command(let field):
            drawInput(
                &buffer, prefix: ":", field: field,
                area: Rect(x: area.x, y: area.y, width: leftWidth, height: 1), state: state, role: .command)
            let options = state.commandCompletions(field.text)
            if !field.text.isEmpty, !options.isEmpty {
                let hint = "  " + options.prefix(5).joined(separator: " ")
                let x = area.x + 2 + TextFit.width(of: field.text)
                buffer.write(
                    hint, x: x, y: area.y, paint: state.paint(.muted), maxWidth: max(0, leftWidth - x))
            }
        case .mfa(let serial, let field):
            drawMFA(
                &buffer, serial: serial, field: field,
                area: Rect(x: area.x, y: area.y, width: leftWidth, height: 1), state: state)
        default:
            // An error outranks progress; progress outranks a passing note.
            if let message = state.message, message.isError || state.refreshText == nil {
                buffer.write(
                    " " + message.text, x: area.x, y: area.y, width: leftWidth,
                    paint: state.paint(message.isError ? .error : .statusBar))
            } else if let progress = state.refreshText {
                buffer.write(
                    " " + progress, x: area.x, y: area.y, width: leftWidth, paint: state.paint(.statusBar))
            } else {
                let hints = hintText(state)
                buffer.write(hints, x: area.x, y: area.y, width: leftWidth, paint: state.paint(.statusBar))
            }
        }
        if !production.isEmpty {
            buffer.write(
                production, x: area.maxX - rightWidth, y: area.y,
                paint: state.paint(.prodFrame).with(attributes: .reverse))
        }
        buffer.write(
            right, x: area.maxX - TextFit.width(of: right), y: area.y, paint: state.paint(.statusBar))
    }

    static func hintText(_ state: AppState) -> String {
        // `keys(for:)` puts plain keys first: `q quit`, not `ctrl-c quit`.
        func key(_ action: KeyAction) -> String { state.keymap.keys(for: action).first?.name ?? "?" }
        switch state.mode {
        case .detail(.roles, _, _) where !state.readonly:
            return
                " \(key(.down))/\(key(.up)) scroll  enter/\(key(.breakGlass)) break-glass  \(key(.back)) back"
        case .help, .detail, .audit: return " \(key(.down))/\(key(.up)) scroll  \(key(.back)) back"
        default:
            var hints =
                " \(key(.help)) help  \(key(.filter)) filter  \(key(.command)) command  \(key(.nextPane)) pane"
                + "  \(key(.zoom)) zoom"
            if state.focus == .roles || state.focus == .cost { hints += "  \(key(.toggleView)) view" }
            if state.focus == .accounts { hints += "  \(key(.toggleNode)) fold" }
            return hints + "  \(key(.quit)) quit"
        }
    }

    /// The masked MFA prompt: the device, then one mask glyph per digit typed.
    static func drawMFA(
        _ buffer: inout ScreenBuffer, serial: String, field: TextField, area: Rect, state: AppState
    ) {
        let prompt = "MFA code for \(serial) (Esc cancels): "
        let paint = state.paint(.command)
        buffer.fill(area, with: paint.blankCell)
        let promptWidth = min(TextFit.width(of: prompt), max(0, area.width - 8))
        buffer.write(prompt, x: area.x, y: area.y, width: promptWidth, paint: paint)
        var masked = field
        masked.isMasked = true
        masked.draw(
            into: &buffer,
            area: Rect(
                x: area.x + promptWidth, y: area.y, width: max(0, area.width - promptWidth), height: 1),
            glyphs: state.ascii ? .ascii : .unicode, paint: paint,
            cursorPaint: Paint(paint.style.with(attributes: .reverse), role: "cursor"))
    }

    static func drawInput(
        _ buffer: inout ScreenBuffer, prefix: String, field: TextField, area: Rect, state: AppState,
        role: ThemeRole
    ) {
        let paint = state.paint(role)
        buffer.write(prefix + field.text, x: area.x, y: area.y, width: area.width, paint: paint)
        let cursorX = area.x + TextFit.width(of: prefix) + TextFit.width(of: field.text.prefix(field.cursor))
        if cursorX < area.maxX {
            let under = buffer[cursorX, area.y]
            buffer[cursorX, area.y] = Cell(
                under.text.isEmpty ? " " : under.text, style: paint.style.with(attributes: .reverse),
                role: "cursor")
        }
    }
}
