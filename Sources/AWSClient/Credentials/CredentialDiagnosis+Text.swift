import Foundation

extension CredentialDiagnosis {
    /// The report as lines of plain text:
    ///
    /// ```
    /// profile: prod (from AWS_PROFILE)
    ///   1. environment               skipped: AWS_ACCESS_KEY_ID not set
    ///   2. assume role               used: profile prod (role_arn via source_profile base),
    ///                                key …WXYZ, expires 2024-05-01T10:00:00Z (in 55 min)
    /// credentials: profile prod (role_arn via source_profile base)
    /// ```
    /// - Parameter now: For the time left before expiry.
    public func renderText(now: Date) -> String {
        var lines = ["profile: \(profile)"]
        if let problem {
            lines.append("problem: \(problem)")
            return lines.joined(separator: "\n")
        }
        let width = (steps.map(\.source.count).max() ?? 0) + 2
        for (index, step) in steps.enumerated() {
            let name = step.source.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(index + 1). \(name)\(Self.describe(step.outcome, now: now))")
        }
        if case .used(let label, _, _)? = usedStep?.outcome {
            lines.append("credentials: \(label)")
        } else if steps.contains(where: { if case .failed = $0.outcome { true } else { false } }) {
            lines.append(
                "credentials: none; like the AWS CLI, the chain stops at the first source that fails")
        } else {
            lines.append(
                "credentials: none found; configure keys with `aws configure` or log in with `aws sso login`")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ outcome: Outcome, now: Date) -> String {
        switch outcome {
        case .used(let label, let suffix, let expiration):
            var text = "used: \(label), key \(suffix)"
            if let expiration {
                let left = remaining(until: expiration, now: now)
                text += ", expires \(CredentialTimestamp.format(expiration)) (\(left))"
            }
            return text
        case .skipped(let reason):
            return "skipped: \(reason)"
        case .failed(let message):
            return "failed: \(message)"
        case .notReached:
            return "not reached"
        }
    }

    private static func remaining(until expiration: Date, now: Date) -> String {
        let seconds = Int(expiration.timeIntervalSince(now))
        if seconds <= 0 { return "expired" }
        if seconds < 120 { return "in \(seconds) s" }
        if seconds < 7_200 { return "in \(seconds / 60) min" }
        return "in \(seconds / 3_600) h \(seconds % 3_600 / 60) min"
    }
}
