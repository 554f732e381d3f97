import TerminalKit

/// The confirmation (and text entry) over the panes for an incident action.
enum IncidentDialogView {
    static func draw(
        into buffer: inout ScreenBuffer, area: Rect, prompt: IncidentPrompt, field: TextField?,
        state: AppState,
        glyphs: Glyphs
    ) {
        var body = [prompt.incidentLabel]
        if prompt.isProduction { body.append("PRODUCTION account") }
        if field == nil, let action = prompt.action {
            switch action.kind {
            case .note(let text): body.append("Note: " + text)
            case .reassign(let ids): body.append("To: " + ids.joined(separator: ", "))
            default: break
            }
        }
        let hint = field == nil ? "y confirm · n or Esc cancel" : "Enter next · Esc cancel"
        let dialog = Dialog(
            title: prompt.title, body: body, field: field, fieldLabel: prompt.fieldLabel, hint: hint,
            minWidth: 40, maxWidth: 72, borderStyle: prompt.isProduction ? .double : .heavy,
            borderPaint: state.paint(prompt.isProduction ? .prodFrame : .borderFocused),
            titlePaint: state.paint(.titleFocused), textPaint: state.paint(.dialog),
            hintPaint: state.paint(.muted))
        dialog.draw(into: &buffer, area: area, glyphs: glyphs)
    }
}
