import Foundation
import TerminalKit

extension AppState {
    /// Follows a refresh the runtime runs: its progress in the status bar, its outcome as
    /// a message.
    mutating func apply(_ event: RefreshEvent) {
        switch event {
        case .started(let id, let sources):
            refreshes.removeAll { $0.id == id }
            refreshes.append(RefreshActivity(id: id, sources: sources))
        case .progress(let id, let done, let total):
            guard let index = refreshes.firstIndex(where: { $0.id == id }) else { return }
            refreshes[index].done = done
            refreshes[index].total = total
        case .finished(let id, let text, let isError):
            refreshes.removeAll { $0.id == id }
            if let text { show(text, isError: isError) }
        }
    }

    /// The masked MFA prompt: Enter answers, Esc cancels. The code lives only in the field
    /// and in the effect that hands it to the waiting credential provider.
    mutating func handleMFA(_ key: Key, serial: String, field: inout TextField) -> [Effect] {
        switch key {
        case .enter:
            let code = field.text.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else {
                mode = .mfa(serial: serial, field: field)
                return []
            }
            mode = .normal
            return [.answerMFA(MFACode(code))]
        case .escape:
            mode = .normal
            show(
                "MFA code entry cancelled: the refresh that needed \(serial) fails; r tries again",
                isError: true)
            return [.answerMFA(nil)]
        default:
            _ = field.apply(key)
            mode = .mfa(serial: serial, field: field)
            return []
        }
    }

    /// What the status bar shows for refreshes in progress, nil when none runs.
    public var refreshText: String? {
        guard !refreshes.isEmpty else { return nil }
        return refreshes.map(\.text).joined(separator: "; ")
    }
}
