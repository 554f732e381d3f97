/// Everything the user gave for one break-glass assumption.
public struct BreakGlassRequest: Sendable, Hashable {
    /// A reason must have at least this many words.
    public static let minimumReasonWords = 3
    /// ... and at least this many characters.
    public static let minimumReasonLength = 12

    /// The account and role.
    public var target: BreakGlassTarget
    /// Why (required; recorded and sent as a session tag).
    public var reason: String
    /// The ticket or incident id, if any.
    public var ticket: String?
    /// The session length asked for, in seconds.
    public var durationSeconds: Int
    /// The MFA device (`mfa_serial` of the profile), if the profile has one.
    public var mfaSerial: String?
    /// The current MFA code. Never recorded anywhere.
    public var mfaCode: String?
    /// What the user typed to confirm a production account.
    public var confirmation: String?
    /// True when OpsDeck runs read-only: the request is refused.
    public var readonly: Bool

    /// Creates a request.
    public init(
        target: BreakGlassTarget, reason: String, ticket: String? = nil, durationSeconds: Int = 3600,
        mfaSerial: String? = nil, mfaCode: String? = nil, confirmation: String? = nil, readonly: Bool = false
    ) {
        self.target = target
        self.reason = reason
        self.ticket = ticket
        self.durationSeconds = durationSeconds
        self.mfaSerial = mfaSerial
        self.mfaCode = mfaCode
        self.confirmation = confirmation
        self.readonly = readonly
    }

    /// The reason with its whitespace tidied.
    public var trimmedReason: String {
        reason.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The ticket, nil when blank.
    public var trimmedTicket: String? {
        guard let ticket = ticket?.trimmingCharacters(in: .whitespacesAndNewlines), !ticket.isEmpty else {
            return nil
        }
        return ticket
    }

    /// Checks what needs no network: read-only mode, the reason, the production confirmation,
    /// the MFA code and the duration against the role's maximum.
    /// - Throws: `BreakGlassError`.
    public func validate() throws(BreakGlassError) {
        if readonly { throw .readonly }
        let words = trimmedReason.split(separator: " ").filter { $0.contains { $0.isLetter || $0.isNumber } }
        if words.count < Self.minimumReasonWords || trimmedReason.count < Self.minimumReasonLength {
            throw .reasonTooShort(trimmedReason)
        }
        if target.isProduction, confirmation?.trimmingCharacters(in: .whitespaces) != target.confirmationText
        {
            throw .confirmationMismatch(account: target.accountLabel, expected: target.confirmationText)
        }
        if let mfaSerial, (mfaCode ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw .mfaCodeRequired(serial: mfaSerial)
        }
        try SessionDuration.check(
            durationSeconds, roleMaximum: target.maxSessionDuration, callerIsAssumedRole: false,
            account: target.accountLabel, role: target.roleName)
    }

    /// The session tags: the reason and the ticket, cut to STS's alphabet and lengths.
    public var sessionTags: [String: String] {
        var tags = ["BreakGlassReason": STSLimits.tagText(trimmedReason)]
        if let ticket = trimmedTicket { tags["BreakGlassTicket"] = STSLimits.tagText(ticket) }
        return tags
    }
}
