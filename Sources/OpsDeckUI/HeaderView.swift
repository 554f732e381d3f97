import Foundation
import OpsDeckCore
import TerminalKit

/// The top line: organization, profile, regions, caller, data age, clock.
enum HeaderView {
    static func draw(into buffer: inout ScreenBuffer, area: Rect, state: AppState) {
        buffer.fill(area, paint: state.paint(.header))
        var x = area.x
        func put(_ text: String, _ role: ThemeRole) {
            guard x < area.maxX else { return }
            x += buffer.write(text, x: x, y: area.y, paint: state.paint(role), maxWidth: area.maxX - x)
        }
        let bar = state.ascii ? " | " : " │ "
        let org = state.snapshot.organization
        let clock = clockText(state.now)
        put(" OpsDeck ", .header)
        if org?.isDemo == true { put(" DEMO ", .headerDemo) }
        if state.readonly { put(" READONLY ", .warning) }
        // Elevated credentials are the first thing to see (bg-console).
        if let text = state.breakGlass.countdown.headerText(at: state.now) {
            put(" " + text + " ", state.breakGlass.countdown.isEnding(at: state.now) ? .error : .breakGlass)
        }
        var segments: [(String, ThemeRole)] = []
        if let org {
            segments.append(
                ("\(org.managementAccountName) (\(org.managementAccountId)) \(org.organizationId)", .header))
        } else {
            segments.append(("no organization in the cache yet", .muted))
        }
        if let onCall = OnCall.summary(state.snapshot.pagerDuty.onCalls) {
            segments.append(("on call: \(onCall)", .header))
        }
        segments.append(("profile \(org?.profile ?? state.profile)", .header))
        segments.append((state.region ?? (org?.regions ?? state.regions).joined(separator: ","), .header))
        let staleness = state.overallStaleness
        let stalenessRole: ThemeRole =
            switch staleness {
            case .failed: .error
            case .stale, .empty: .stale
            default: .header
            }
        if let caller = org?.callerARN, !caller.isEmpty { segments.append((caller, .muted)) }
        // Keep room for the clock and the data age, which matter most; a long error is cut
        // to a quarter of the line so the organization and who is on call stay visible (the
        // status bar and `opsdeck doctor` have the whole message).
        let ageLabel = TextFit.truncate(staleness.label, to: max(16, area.width / 4))
        let reserved = clock.count + TextFit.width(of: ageLabel) + 6
        for (text, role) in segments {
            let room = area.maxX - x - reserved
            guard room > 6 else { break }
            put(bar, .header)
            put(TextFit.truncate(text, to: room - 3), role)
        }
        let right = " " + ageLabel + bar + clock + " "
        let rightWidth = TextFit.width(of: right)
        let start = max(x, area.maxX - rightWidth)
        x = start
        put(" ", .header)
        put(ageLabel, stalenessRole)
        put(bar + clock + " ", .header)
    }

    static func clockText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d UTC", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
