import Foundation
import OpsDeckCore
import TerminalKit

/// Break-glass in the console: `b` on a role (or `:assume ACCOUNT ROLE`) opens the form;
/// its submission becomes an effect the runtime carries out (audit, STS, subshell); the
/// header counts the sessions down; `:audit` (or `L`) shows the audit log. Nothing here
/// runs under `--readonly`.
extension AppState {
    /// What the status bar says when read-only mode refuses a break-glass request.
    static let breakGlassReadonlyMessage =
        "Read-only (--readonly): break-glass is off; start without --readonly to assume a role"

    /// The role behind the Roles pane's selected row, or behind the open role detail.
    public var selectedRole: Role? {
        let rowId: String?
        if case .detail(.roles, let id, _) = mode {
            rowId = id
        } else if focus == .roles {
            rowId = pane(.roles).selectedRow?.id
        } else {
            rowId = nil
        }
        guard let rowId else { return nil }
        return snapshot.roles.first { $0.arn == rowId }
    }

    /// `b`: opens the form for the selected role.
    mutating func beginBreakGlass() -> [Effect] {
        guard !readonly else {
            show(Self.breakGlassReadonlyMessage, isError: true)
            return []
        }
        guard focus == .roles || isRoleDetail else {
            show("Break-glass works on the Roles pane: press 2, pick a role, then b", isError: true)
            return []
        }
        guard let role = selectedRole else {
            show(
                "The selected row is not a single role (baseline view?): press v for every role, then b",
                isError: true)
            return []
        }
        let account = snapshot.accounts.first { $0.id == role.accountId }
        mode = .breakGlass(
            makeBreakGlassForm(
                account: account, accountId: role.accountId, role: role.name,
                maxSessionDuration: role.maxSessionDuration))
        return []
    }

    private var isRoleDetail: Bool {
        if case .detail(.roles, _, _) = mode { return true }
        return false
    }

    /// `:assume ACCOUNT ROLE`: ACCOUNT by id, alias or name (ignoring case), ROLE by name
    /// among the cached roles of that account (a role the cache does not know gets the
    /// one-hour default maximum).
    mutating func assumeCommand(account query: String, role roleName: String) -> [Effect] {
        guard !readonly else {
            show(Self.breakGlassReadonlyMessage, isError: true)
            return []
        }
        let lowered = query.lowercased()
        var matches = snapshot.accounts.filter { $0.id == query }
        if matches.isEmpty { matches = snapshot.accounts.filter { $0.alias?.lowercased() == lowered } }
        if matches.isEmpty { matches = snapshot.accounts.filter { $0.name.lowercased() == lowered } }
        guard let account = matches.first else {
            show(
                "No account \(query) in the cache: use an id, name or alias (Tab completes), "
                    + "or refresh with r on Accounts", isError: true)
            return []
        }
        guard matches.count == 1 else {
            show(
                "\(query) names \(matches.count) accounts (\(matches.map(\.id).joined(separator: ", "))): "
                    + "use the account id", isError: true)
            return []
        }
        let role =
            snapshot.roles.first { $0.accountId == account.id && $0.name == roleName }
            ?? snapshot.roles.first {
                $0.accountId == account.id && $0.name.lowercased() == roleName.lowercased()
            }
        mode = .breakGlass(
            makeBreakGlassForm(
                account: account, accountId: account.id, role: role?.name ?? roleName,
                maxSessionDuration: role?.maxSessionDuration ?? 3600))
        return []
    }

    private func makeBreakGlassForm(
        account: Account?, accountId: String, role: String, maxSessionDuration: Int
    )
        -> BreakGlassForm
    {
        let name = account?.alias ?? account?.name ?? accountId
        let incidents = snapshot.incidents.sorted { $0.createdAt > $1.createdAt }
        return BreakGlassForm(
            accountId: accountId, accountLabel: "\(name) (\(accountId))", roleName: role,
            isProduction: account?.isProduction ?? false, confirmationText: name,
            maxSessionDuration: maxSessionDuration, mfaSerial: breakGlass.mfaSerial, incidents: incidents)
    }

    mutating func handleBreakGlassForm(_ key: Key, _ form: BreakGlassForm) -> [Effect] {
        var form = form
        switch form.handle(key) {
        case .editing:
            mode = .breakGlass(form)
        case .cancelled:
            mode = .normal
            show("Cancelled: nothing was assumed")
        case .submitted(let submission):
            mode = .normal
            guard !readonly else {
                show(Self.breakGlassReadonlyMessage, isError: true)
                return []
            }
            breakGlass.pending = form
            show("Assuming \(form.roleName) in \(form.accountLabel)… (recorded in the audit log)")
            return [.assumeBreakGlass(submission)]
        }
        return []
    }

    /// The results of break-glass effects.
    mutating func reduceBreakGlass(_ action: Action) -> [Effect] {
        switch action {
        case .breakGlassAssumed(let sessionId, let label, let expiration):
            breakGlass.pending = nil
            breakGlass.addSessions([BreakGlassCountdown.Session(label: label, expiration: expiration)])
            show("\(label) until \(HeaderView.clockText(expiration)): exit the subshell to come back")
            return [.runBreakGlassShell(sessionId: sessionId)]
        case .breakGlassFailed(let message, let field):
            if var form = breakGlass.pending {
                // A one-time code is spent or wrong either way: ask for a fresh one.
                form.mfaCode = TextField(masked: true)
                form.showError(message, field: field)
                mode = .breakGlass(form)
            }
            breakGlass.pending = nil
            show(message, isError: true)
        case .breakGlassSessions(let sessions):
            breakGlass.addSessions(sessions)
        case .auditLoaded(let view):
            mode = .audit(view)
        default:
            break
        }
        return []
    }

    /// `L` or `:audit`: asks the runtime for the log.
    mutating func openAudit() -> [Effect] {
        show("Reading the audit log…")
        return [.loadAudit]
    }

    mutating func handleAudit(_ key: Key, _ view: AuditView) -> [Effect] {
        var view = view
        let page = max(1, size.height - 6)
        let last = max(0, view.rows.count - page)
        switch keymap.action(for: key) {
        case .down: view.scroll = min(last, view.scroll + 1)
        case .up: view.scroll = max(0, view.scroll - 1)
        case .pageDown: view.scroll = min(last, view.scroll + page)
        case .pageUp: view.scroll = max(0, view.scroll - page)
        case .top: view.scroll = 0
        case .bottom: view.scroll = last
        default:
            if key == .escape || key == .character("q") || keymap.action(for: key) == .back
                || keymap.action(for: key) == .auditLog
            {
                mode = .normal
                return []
            }
        }
        mode = .audit(view)
        return []
    }

    /// Completions for `:assume ACCOUNT ROLE`: aliases (else names) of accounts, then the
    /// roles of the account typed, break-glass roles first. Nil for other commands.
    func assumeCompletions(_ text: String) -> [String]? {
        let lower = text.lowercased()
        guard lower.hasPrefix("assume ") else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let endsWithSpace = text.hasSuffix(" ")
        if words.count == 1 || (words.count == 2 && !endsWithSpace) {
            let partial = words.count == 2 ? words[1].lowercased() : ""
            let names = snapshot.accounts.map { $0.alias ?? $0.name }.sorted()
            return names.filter { $0.lowercased().hasPrefix(partial) }.map { "assume \($0)" }
        }
        guard words.count <= 3, !(words.count == 3 && endsWithSpace) else { return [] }
        let query = words[1].lowercased()
        guard
            let account = snapshot.accounts.first(where: {
                $0.id == words[1] || $0.alias?.lowercased() == query || $0.name.lowercased() == query
            })
        else { return [] }
        let partial = words.count == 3 ? words[2].lowercased() : ""
        let roles = snapshot.roles.filter {
            $0.accountId == account.id && $0.name.lowercased().hasPrefix(partial)
        }
        .sorted { ($0.isBreakGlass ? 0 : 1, $0.name) < ($1.isBreakGlass ? 0 : 1, $1.name) }
        return roles.map { "assume \(words[1]) \($0.name)" }
    }
}
