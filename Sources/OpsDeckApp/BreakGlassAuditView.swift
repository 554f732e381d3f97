import BreakGlass
import Foundation
import OpsDeckUI

/// Reads the break-glass audit log into the console's Audit view.
public enum BreakGlassAuditView {
    /// The view for the log at `path` (default: `$XDG_STATE_HOME/opsdeck/audit.jsonl`);
    /// a log that cannot be read shows as one problem.
    public static func load(path: String? = nil, environment: [String: String]) -> AuditView {
        let log = AuditLog(path: path ?? AuditLog.defaultPath(environment: environment))
        do {
            let result = try log.verify()
            return AuditView(rows: result.entries.map(row), problems: result.problems.map(\.description))
        } catch {
            return AuditView(rows: [], problems: ["\(error)"])
        }
    }

    /// One entry as the view shows it.
    public static func row(_ entry: AuditEntry) -> AuditView.Row {
        let detail: String
        switch entry.event {
        case .request:
            detail = entry.reason + (entry.ticket.map { " [\($0)]" } ?? "")
        case .success:
            let until = entry.expiration.map(AuditEntry.timestamp) ?? "?"
            detail = "until \(until), key ...\(entry.accessKeySuffix ?? "")"
        case .failure:
            detail = entry.error ?? "failed"
        case .notification:
            detail = "not announced: " + (entry.error ?? "?")
        }
        let account = entry.accountName.map { "\($0) (\(entry.accountId))" } ?? entry.accountId
        return AuditView.Row(
            time: entry.time, event: entry.event.rawValue, who: "\(entry.localUser)@\(entry.host)",
            account: account,
            role: entry.roleName, detail: detail)
    }
}
