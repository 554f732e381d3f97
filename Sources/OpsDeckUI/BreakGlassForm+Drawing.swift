import TerminalKit

extension BreakGlassForm {
    /// `15m`, `1h`, `1h30m`.
    public static func durationText(_ seconds: Int) -> String {
        let hours = seconds / 3600
        let minutes = (seconds % 3600) / 60
        if hours == 0 { return "\(minutes)m" }
        return minutes == 0 ? "\(hours)h" : "\(hours)h\(minutes)m"
    }

    /// The form's height for `draw`.
    public var height: Int { fields.count + 4 + (error == nil ? 0 : 1) }

    /// Draws the form into `area`: a title, one row per field (the focused one with a
    /// cursor, the MFA code masked), a hint row and the last refusal.
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs, accent: Paint = .plain) {
        guard area.width > 12, area.height > 0 else { return }
        buffer.fill(area, paint: .plain)
        let labelWidth = 14
        let fieldWidth = area.width - labelWidth - 1
        var y = area.y
        func row(_ body: (Int) -> Void) {
            guard y < area.y + area.height else { return }
            body(y)
            y += 1
        }
        row { y in
            buffer.write(
                "Break-glass: \(roleName) in \(accountLabel)", x: area.x, y: y, width: area.width,
                paint: accent,
                ellipsis: glyphs.ellipsis)
        }
        row { _ in }
        for field in fields {
            row { y in
                let focused = field == focus
                let label = (focused ? "> " : "  ") + Self.label(field)
                buffer.write(
                    label, x: area.x, y: y, width: labelWidth, paint: .plain, ellipsis: glyphs.ellipsis)
                let fieldArea = Rect(x: area.x + labelWidth + 1, y: y, width: max(0, fieldWidth), height: 1)
                switch field {
                case .reason:
                    reason.draw(
                        into: &buffer, area: fieldArea, glyphs: glyphs, showsCursor: focused,
                        placeholder: "why, in a few words")
                case .ticket:
                    let hint = incidents.isEmpty ? "ticket or incident id" : "ctrl-n: pick an open incident"
                    ticket.draw(
                        into: &buffer, area: fieldArea, glyphs: glyphs, showsCursor: focused,
                        placeholder: hint)
                case .duration:
                    let choice =
                        "< \(Self.durationText(durationSeconds)) >  (at most "
                        + "\(Self.durationText(durations.last ?? durationSeconds)))"
                    buffer.write(
                        choice, x: fieldArea.x, y: y, width: fieldArea.width, paint: .plain,
                        ellipsis: glyphs.ellipsis)
                case .mfaCode:
                    mfaCode.draw(
                        into: &buffer, area: fieldArea, glyphs: glyphs, showsCursor: focused,
                        placeholder: "code from \(mfaSerial ?? "your device")")
                case .confirmation:
                    confirmation.draw(
                        into: &buffer, area: fieldArea, glyphs: glyphs, showsCursor: focused,
                        placeholder: "type \(confirmationText)")
                }
            }
        }
        row { _ in }
        row { y in
            buffer.write(
                "enter: assume  tab: next field  esc: cancel", x: area.x, y: y, width: area.width,
                paint: .plain,
                ellipsis: glyphs.ellipsis)
        }
        if let error {
            row { y in
                buffer.write(
                    error, x: area.x, y: y, width: area.width, paint: accent, ellipsis: glyphs.ellipsis)
            }
        }
    }

    static func label(_ field: Field) -> String {
        switch field {
        case .reason: "Reason"
        case .ticket: "Ticket"
        case .duration: "Duration"
        case .mfaCode: "MFA code"
        case .confirmation: "Confirm"
        }
    }
}
