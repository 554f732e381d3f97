import TerminalKit

/// The break-glass form and the audit log, drawn over the panes.
enum BreakGlassOverlay {
    /// The form in a frame centred in `area`; a production account gets the double frame.
    static func drawForm(
        into buffer: inout ScreenBuffer, area: Rect, form: BreakGlassForm, state: AppState, glyphs: Glyphs
    ) {
        let width = min(area.width, 78)
        let height = min(area.height, form.height + 2)
        guard width > 14, height > 2 else { return }
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 3),
            width: width,
            height: height)
        let frame = Frame(
            title: form.isProduction ? "Break-glass: PRODUCTION account" : "Break-glass",
            label: "audited", borderStyle: form.isProduction ? .double : .heavy,
            borderPaint: state.paint(form.isProduction ? .prodFrame : .borderFocused),
            titlePaint: state.paint(.titleFocused), labelPaint: state.paint(.muted),
            fill: state.paint(.dialog))
        let inner = frame.draw(into: &buffer, area: rect, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let padded = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        form.draw(into: &buffer, area: padded, glyphs: glyphs, accent: state.paint(.breakGlass))
    }

    /// The audit log filling `area`; a damaged hash chain and failures in the error colour.
    static func drawAudit(
        into buffer: inout ScreenBuffer, area: Rect, view: AuditView, state: AppState, glyphs: Glyphs
    ) {
        let frame = Frame(
            title: "Break-glass audit log (Esc back)",
            label: view.problems.isEmpty ? "\(view.rows.count) entries" : "\(view.problems.count) problem(s)",
            borderStyle: .heavy, borderPaint: state.paint(view.problems.isEmpty ? .borderFocused : .error),
            titlePaint: state.paint(.titleFocused), labelPaint: state.paint(.muted),
            fill: state.paint(.dialog))
        let inner = frame.draw(into: &buffer, area: area, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let padded = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        view.draw(
            into: &buffer, area: padded, glyphs: glyphs, header: state.paint(.tableHeader),
            warning: state.paint(.error))
    }
}
