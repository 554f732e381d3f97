import OpsDeckCore
import OpsDeckUI

/// Writes a configuration back as `config.toml` text (for `opsdeck config show`).
///
/// Secrets are never written: each appears only as a comment saying it is set, so the
/// output is safe to paste into a ticket. Reading the output back gives the same
/// configuration apart from the secrets.
public enum ConfigRenderer {
    public static func render(_ configuration: OpsDeckConfiguration) -> String {
        var lines: [String] = []
        if let profile = configuration.profile {
            lines.append("profile = \(quoted(profile))")
        } else {
            lines.append("# profile: not set (the default AWS credential chain)")
        }
        lines.append("regions = \(list(configuration.regions))")
        lines.append("theme = \(quoted(configuration.theme))")
        lines.append("ascii = \(configuration.ascii)")
        lines.append("mouse = \(configuration.mouse)")
        lines.append("readonly = \(configuration.readonly)")

        lines.append("")
        lines.append("[refresh]")
        for source in Source.allCases {
            let interval = configuration.refreshInterval(for: source)
            lines.append("\(source.rawValue) = \(quoted(ConfigDuration.format(interval)))")
        }

        lines.append("")
        lines.append("[keys]")
        for action in KeyAction.allCases {
            guard let keys = configuration.keys[action] else { continue }
            lines.append("\(action.rawValue) = \(list(keys.map(\.name)))")
        }

        let aws = configuration.aws
        lines.append("")
        lines.append("[aws]")
        lines.append("member_role = \(quoted(aws.memberRole))")
        lines.append("concurrency = \(aws.concurrency)")
        if let endpoint = aws.endpointURL { lines.append("endpoint_url = \(quoted(endpoint))") }

        let breakGlass = configuration.breakGlass
        lines.append("")
        lines.append("[breakglass]")
        lines.append("role_patterns = \(list(breakGlass.rolePatterns))")
        lines.append("paths = \(list(breakGlass.paths))")
        let tags = breakGlass.tags.sorted { $0.key < $1.key }
            .map { "\(ConfigDecoder.quotedIfNeeded($0.key)) = \(quoted($0.value))" }
        lines.append("tags = {\(tags.isEmpty ? "" : " " + tags.joined(separator: ", ") + " ")}")
        lines += breakGlass.notifyLines

        let pagerDuty = configuration.pagerDuty
        lines.append("")
        lines.append("[pagerduty]")
        lines.append(pagerDuty.token == nil ? "# token: not set" : "# token: set (not shown)")
        lines.append("base_url = \(quoted(pagerDuty.baseURL))")
        if let email = pagerDuty.userEmail { lines.append("user_email = \(quoted(email))") }
        if !pagerDuty.webhookSecrets.isEmpty {
            lines.append("# webhook_secrets: \(pagerDuty.webhookSecrets.count) set (not shown)")
        }

        let gitHub = configuration.gitHub
        lines.append("")
        lines.append("[github]")
        lines.append(gitHub.token == nil ? "# token: not set" : "# token: set (not shown)")
        lines.append("api_url = \(quoted(gitHub.apiURL))")
        lines.append("repositories = \(list(gitHub.repositories))")
        lines.append("runs_per_repository = \(gitHub.runsPerRepository)")

        lines.append("")
        lines.append("[ui]")
        lines.append("selection = \(quoted(configuration.selection.rawValue))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}
