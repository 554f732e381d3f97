/// Reading `--duration` and checking it against STS, the role and role chaining.
public enum SessionDuration {
    /// Reads `15m`, `1h`, `1h30m`, `90m`, `3600s` or `3600`.
    /// - Returns: seconds, or nil when the text is none of these.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let seconds = Int(trimmed) { return seconds > 0 ? seconds : nil }
        var total = 0
        var number = ""
        var sawUnit = false
        for character in trimmed {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            guard let amount = Int(number) else { return nil }
            switch character {
            case "h": total += amount * 3600
            case "m": total += amount * 60
            case "s": total += amount
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty, total > 0 else { return nil }
        return total
    }

    /// Checks `requested` against STS's 15-minute minimum, the role's maximum and, when the
    /// caller is itself an assumed role, the 1-hour role-chaining limit.
    /// - Parameters:
    ///   - requested: seconds asked for.
    ///   - roleMaximum: the role's `MaxSessionDuration`.
    ///   - callerIsAssumedRole: true when the source credentials are a role session.
    /// - Throws: `BreakGlassError.durationOutOfRange` explaining the limit that applies.
    public static func check(
        _ requested: Int, roleMaximum: Int, callerIsAssumedRole: Bool, account: String, role: String
    ) throws(BreakGlassError) {
        if requested < STSLimits.minimumDuration {
            throw .durationOutOfRange(
                account: account, role: role, requested: requested, maximum: roleMaximum,
                explanation: "STS grants at least 15 minutes; ask for 15m or more.")
        }
        if callerIsAssumedRole, requested > STSLimits.roleChainingMaximum {
            throw .durationOutOfRange(
                account: account, role: role, requested: requested, maximum: STSLimits.roleChainingMaximum,
                explanation: "your credentials are themselves an assumed role, and AWS caps a session "
                    + "reached by role chaining at 1 hour whatever the role's maximum. Ask for 1h, or "
                    + "assume from long-term or SSO credentials to get up to the role's maximum.")
        }
        if requested > roleMaximum {
            throw .durationOutOfRange(
                account: account, role: role, requested: requested, maximum: roleMaximum,
                explanation:
                    "the role's MaxSessionDuration is \(AuditListing.duration(roleMaximum)); ask for "
                    + "less, or raise MaxSessionDuration on the role (up to 12h).")
        }
    }
}
