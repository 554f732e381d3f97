import Foundation
import OpsDeckCore
import OpsDeckUI
import TerminalKit

/// The console's event loop: read a key (or time out), apply actions, present the
/// frame if anything changed. Runs on the thread that owns the terminal.
final class ConsoleLoop {
    /// What the loop asks of the world outside the terminal.
    struct Hooks {
        /// A signal that arrived since the last call (SIGTERM, SIGHUP, SIGINT, SIGTSTP), if any.
        var pendingSignal: () -> Int32? = { nil }
        /// Loads a theme by name or path.
        var loadTheme: (String) -> Result<Theme, any Error> = { _ in .failure(CancellationError()) }
        /// Starts a refresh of a pane's sources; results arrive through the cache.
        var refresh: (PaneID) -> Void = { _ in }
        /// Hands the MFA prompt's answer (nil: cancelled) to the credential provider waiting on it.
        var answerMFA: (MFACode?) -> Void = { _ in }
        /// Queues an incident action for PagerDuty; results come back through the mailbox.
        var incidentAction: (IncidentAction) -> Void = { _ in }
        // Break-glass (bg-console).
        /// Assumes a role in the background; results come back through the mailbox.
        var assumeBreakGlass: (BreakGlassForm.Submission, OrgSnapshot) -> Void = { _, _ in }
        /// Runs a session's subshell with the terminal handed off, on this thread.
        var runBreakGlassShell: (String) -> Void = { _ in }
        /// Reads the audit log for the Audit view.
        var loadAudit: () -> AuditView = { AuditView(rows: [], problems: []) }
        /// The current time.
        var now: () -> Date = Date.init
        /// Called once the first complete frame is on screen.
        var firstFrame: () -> Void = {}
    }

    enum Exit: Equatable {
        case quit
        case signal(Int32)
    }

    private let terminal: any Terminal
    private let mailbox: ActionMailbox
    private var hooks: Hooks
    var state: AppState
    private var lastSecond = 0
    private let quitAfterFirstFrame: Bool

    init(
        terminal: any Terminal, state: AppState, mailbox: ActionMailbox, hooks: Hooks,
        quitAfterFirstFrame: Bool = false
    ) {
        self.terminal = terminal
        self.state = state
        self.mailbox = mailbox
        self.hooks = hooks
        self.quitAfterFirstFrame = quitAfterFirstFrame
    }

    /// Runs until quit or a terminating signal. The state should already hold the
    /// cache's snapshot, so the first frame is complete.
    func run() -> Exit {
        var dirty = true
        var presentedOnce = false
        while true {
            if let signal = hooks.pendingSignal() {
                if signal == SIGTSTP {
                    terminal.suspend()
                    dirty = true
                } else {
                    return .signal(signal)
                }
            }
            var actions = mailbox.drain()
            // The first frame goes out before the first wait on the keyboard.
            let timeout = presentedOnce ? 50 : 0
            if actions.isEmpty, let event = terminal.nextEvent(timeoutMilliseconds: timeout) {
                actions.append(action(for: event))
                actions += mailbox.drain()
            }
            let now = hooks.now()
            let second = Int(now.timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                actions.append(.tick(now))
            }
            for action in actions {
                for effect in state.reduce(action) {
                    switch effect {
                    case .quit: return .quit
                    case .redraw: terminal.invalidate()
                    case .suspend: terminal.suspend()
                    case .refresh(let pane): hooks.refresh(pane)
                    case .answerMFA(let code): hooks.answerMFA(code)
                    case .incidentAction(let action): hooks.incidentAction(action)
                    case .assumeBreakGlass(let submission): hooks.assumeBreakGlass(submission, state.snapshot)
                    case .runBreakGlassShell(let id): hooks.runBreakGlassShell(id)
                    case .loadAudit: _ = state.reduce(.auditLoaded(hooks.loadAudit()))
                    case .loadTheme(let name):
                        switch hooks.loadTheme(name) {
                        case .success(let theme): _ = state.reduce(.themeLoaded(theme))
                        case .failure(let error): _ = state.reduce(.message("\(error)", isError: true))
                        }
                    }
                }
                dirty = true
            }
            if dirty {
                if state.size != terminal.size { _ = state.reduce(.resize(terminal.size)) }
                terminal.present(ConsoleRenderer.render(state))
                dirty = false
                if !presentedOnce {
                    presentedOnce = true
                    hooks.firstFrame()
                    if quitAfterFirstFrame { return .quit }
                }
            }
        }
    }

    private func action(for event: InputEvent) -> Action {
        switch event {
        case .key(let key): .key(key)
        case .mouse(let mouse): .mouse(mouse)
        case .resize(let size): .resize(size)
        }
    }
}
