/// Why a break-glass assumption was refused or failed. Every message names the account and
/// role and says what to do next; none carries a secret.
public enum BreakGlassError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--readonly` (or the console's read-only mode) forbids changing anything.
    case readonly
    /// No reason, or one too short to tell a reviewer anything.
    case reasonTooShort(String)
    /// The account is not in the cache under that id, name or alias.
    case unknownAccount(String)
    /// More than one account matches.
    case ambiguousAccount(String, matches: [String])
    /// A production account, and the typed confirmation was not its alias.
    case confirmationMismatch(account: String, expected: String)
    /// The duration could not be read.
    case invalidDuration(String)
    /// The duration is outside what STS or the role allows.
    case durationOutOfRange(account: String, role: String, requested: Int, maximum: Int, explanation: String)
    /// The profile has `mfa_serial` and no code was given.
    case mfaCodeRequired(serial: String)
    /// The audit entry could not be written; nothing was assumed.
    case auditFailed(account: String, role: String, AuditError)
    /// STS refused or could not be reached.
    case stsFailed(account: String, role: String, region: String, message: String)

    public var description: String {
        switch self {
        case .readonly:
            return "break-glass assumption refused: OpsDeck runs read-only (--readonly); start it without "
                + "--readonly to assume roles."
        case .reasonTooShort(let reason):
            let shown = reason.isEmpty ? "no reason" : "the reason \"\(reason)\""
            return "break-glass assumption refused: \(shown) is too short; give --reason with at least "
                + "\(BreakGlassRequest.minimumReasonWords) words saying why (e.g. \"restore payments DB "
                + "after failed migration\")."
        case .unknownAccount(let query):
            return
                "no account \"\(query)\" in the cache (by id, name or alias); run `opsdeck refresh` or use "
                + "the 12-digit account id."
        case .ambiguousAccount(let query, let matches):
            return "\"\(query)\" matches several accounts (\(matches.joined(separator: ", "))); use the "
                + "account id."
        case .confirmationMismatch(let account, let expected):
            return "break-glass assumption refused: \(account) is a production account and the confirmation "
                + "did not match; type its alias \"\(expected)\" exactly (or pass --confirm \(expected))."
        case .invalidDuration(let text):
            return "cannot read the duration \"\(text)\"; use 15m, 1h, 1h30m or a number of seconds."
        case .durationOutOfRange(let account, let role, let requested, let maximum, let explanation):
            return "break-glass assumption refused: \(role) in \(account) cannot be assumed for "
                + "\(AuditListing.duration(requested)) (at most \(AuditListing.duration(maximum))): "
                + "\(explanation)"
        case .mfaCodeRequired(let serial):
            return "the profile requires MFA (\(serial)); pass --mfa-code with the current code from that "
                + "device."
        case .auditFailed(let account, let role, let error):
            return "break-glass assumption of \(role) in \(account) refused: \(error)"
        case .stsFailed(let account, let role, let region, let message):
            return "STS AssumeRole of \(role) in \(account) (\(region)) failed: \(message). Check the role's "
                + "trust policy (MFA, SourceIdentity, sts:TagSession) and your source credentials; the "
                + "failure is in the audit log."
        }
    }
}
