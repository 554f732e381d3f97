/// The `[breakglass]` section: which IAM roles count as break-glass roles, whose use is
/// confirmed and audited. A role is break-glass when any one rule matches.
public struct BreakGlassSettings: Sendable, Hashable {
    /// Globs (`*`, `?`) matched against the role name, ignoring case.
    public var rolePatterns: [String]
    /// IAM paths (`/breakglass/`); a role whose path starts with one matches.
    public var paths: [String]
    /// Tag key -> value; a role carrying the tag matches. A value of `*` matches any.
    public var tags: [String: String]
    // Notification after a successful assumption (bg-console).
    /// `notify_sns_topic_arn`: an SNS topic that gets a message.
    public var notifySNSTopicArn: String?
    /// `notify_webhook_url`: an http(s) URL that gets a JSON POST. It may hold a token, so
    /// it is never shown.
    public var notifyWebhookURL: String?
    /// `notify_pagerduty_incident`: add a note to the incident picked as the ticket.
    public var notifyPagerDutyIncident = false

    public init(
        rolePatterns: [String] = ["*breakglass*", "*break-glass*", "*break_glass*", "*emergency*"],
        paths: [String] = ["/breakglass/"],
        tags: [String: String] = ["breakglass": "true"]
    ) {
        self.rolePatterns = rolePatterns
        self.paths = paths
        self.tags = tags
    }

    /// True when the role matches a name pattern, a path or a tag.
    public func matches(roleName: String, path: String = "/", tags roleTags: [String: String] = [:]) -> Bool {
        if rolePatterns.contains(where: { Self.glob($0, matches: roleName) }) { return true }
        if paths.contains(where: { path.hasPrefix($0) }) { return true }
        return tags.contains { key, value in
            guard let actual = roleTags[key] else { return false }
            return value == "*" || actual.lowercased() == value.lowercased()
        }
    }

    /// Case-insensitive glob match with `*` (any run) and `?` (one character).
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern.lowercased())
        let t = Array(text.lowercased())
        var pi = 0
        var ti = 0
        var star: Int?
        var starText = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                starText = ti
                pi += 1
            } else if let starAt = star {
                pi = starAt + 1
                starText += 1
                ti = starText
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
