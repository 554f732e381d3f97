import Foundation
import OpsDeckCore
import OpsDeckUI
import TerminalKit

/// Reads a config file's text into an `OpsDeckConfiguration`, collecting every problem.
///
/// A value that is wrong keeps its default and yields an error; a key OpsDeck does not
/// know yields a warning (it may belong to a newer version) and is ignored.
struct ConfigDecoder {
    typealias Path = TOMLKeyLocator.Path

    /// What decoding needs besides the text.
    struct Context: Sendable {
        var userThemesDirectory: String?
        /// Relative theme paths are resolved against this (the config file's directory).
        var baseDirectory: String = "."
        var env: [String: String] = [:]
        var destructiveActions: Set<KeyAction> = KeyBindingRules.destructiveActions
        /// Whether to load the named theme to check it; off where no file access is wanted.
        var checkTheme = true
    }

    struct Decoded: Sendable {
        var configuration: OpsDeckConfiguration
        var problems: [ConfigProblem]
        /// Where the file holds secrets, present even when the value is malformed.
        var secretPaths: [Path]
    }

    static let topLevelKeys = ["profile", "regions", "theme", "ascii", "mouse", "readonly"]
    static let sectionKeys: [String: [String]] = [
        "refresh": Source.allCases.map(\.rawValue),
        "keys": KeyAction.allCases.map(\.rawValue),
        "aws": ["member_role", "concurrency", "endpoint_url"],
        "breakglass": [
            "role_patterns", "paths", "tags", "notify_sns_topic_arn", "notify_webhook_url",
            "notify_pagerduty_incident",
        ],
        "pagerduty": ["token", "base_url", "user_email", "webhook_secrets"],
        "github": ["token", "api_url", "repositories", "runs_per_repository"],
        "ui": ["selection"],
    ]
    static let secretKeys: [Path] = [
        [.key("pagerduty"), .key("token")],
        [.key("pagerduty"), .key("webhook_secrets")],
        [.key("github"), .key("token")],
    ]
    static let durationHint = "use 60s, 2m, 1h"
    static let minimumRefresh: Duration = .seconds(10)

    let file: String
    let locator: TOMLKeyLocator
    let context: Context
    var configuration = OpsDeckConfiguration()
    var problems: [ConfigProblem] = []

    static func decode(text: String, file: String, context: Context) -> Decoded {
        let locator = TOMLKeyLocator(text: text)
        // Found from the text, so a file that does not parse is still checked for secrets.
        let secrets = secretKeys.compactMap { path in locator.location(path).map { (path, $0.key) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        let root: [String: TOMLNode]
        do {
            root = try TOMLNode.parse(text)
        } catch {
            let problem = ConfigProblem(
                file: file, line: error.line, column: error.column, severity: .error,
                message: "TOML syntax error: \(error.message); using all defaults")
            return Decoded(configuration: OpsDeckConfiguration(), problems: [problem], secretPaths: secrets)
        }
        var decoder = ConfigDecoder(file: file, locator: locator, context: context)
        decoder.decode(root)
        return Decoded(
            configuration: decoder.configuration, problems: decoder.problems.sortedByLocation(),
            secretPaths: secrets)
    }

    // MARK: - Walking the document

    /// The entries of a table in the order the file writes them, so that problems
    /// found later are reported in reading order (toml++ sorts keys).
    func inFileOrder(_ table: [String: TOMLNode], at path: Path) -> [(String, TOMLNode)] {
        table.sorted { lhs, rhs in
            let left = locator.location(path + [.key(lhs.key)])?.key
            let right = locator.location(path + [.key(rhs.key)])?.key
            switch (left, right) {
            case let (left?, right?): return left < right
            case (nil, nil): return lhs.key < rhs.key
            case (nil, _): return false
            case (_, nil): return true
            }
        }
    }

    mutating func decode(_ root: [String: TOMLNode]) {
        for (key, value) in inFileOrder(root, at: []) {
            let path: Path = [.key(key)]
            switch key {
            case "profile":
                guard let profile = string(value, at: path) else { continue }
                if profile.trimmingCharacters(in: .whitespaces).isEmpty {
                    error(at: path, "is empty; leave it out to use the default AWS credential chain")
                } else {
                    configuration.profile = profile
                }
            case "regions": decodeRegions(value, at: path)
            case "theme": decodeTheme(value, at: path)
            case "ascii": bool(value, at: path).map { configuration.ascii = $0 }
            case "mouse": bool(value, at: path).map { configuration.mouse = $0 }
            case "readonly": bool(value, at: path).map { configuration.readonly = $0 }
            case "refresh": section(value, at: path).map { decodeRefresh($0, at: path) }
            case "keys": section(value, at: path).map { decodeKeys($0, at: path) }
            case "aws": section(value, at: path).map { decodeAWS($0, at: path) }
            case "breakglass": section(value, at: path).map { decodeBreakGlass($0, at: path) }
            case "pagerduty": section(value, at: path).map { decodePagerDuty($0, at: path) }
            case "github": section(value, at: path).map { decodeGitHub($0, at: path) }
            case "ui": section(value, at: path).map { decodeUI($0, at: path) }
            default: unknownTopLevel(key, value: value)
            }
        }
    }

    mutating func unknownTopLevel(_ key: String, value: TOMLNode) {
        let path: Path = [.key(key)]
        if value.tableValue != nil {
            let hint =
                Suggestion.closest(to: key, in: Self.sectionKeys.keys.sorted())
                .map { " (did you mean [\($0)]?)" } ?? ""
            report(.warning, at: path, onValue: false, label: "[\(key)]", "unknown section, ignored\(hint)")
            return
        }
        if let home = Self.sectionKeys.first(where: { $0.value.contains(key) })?.key {
            warning(
                at: path, onValue: false,
                "unknown top-level key, ignored; did you mean to put it under [\(home)]?")
            return
        }
        let candidates = Self.topLevelKeys + Self.sectionKeys.keys.sorted()
        warning(at: path, onValue: false, "unknown key, ignored" + Suggestion.hint(for: key, in: candidates))
    }

    /// Reports a key a section does not have; true if it was one (and was reported).
    mutating func unknownKey(
        _ key: String, in section: String, at path: Path, severity: ConfigProblem.Severity = .warning,
        noun: String = "key"
    ) {
        let known = Self.sectionKeys[section] ?? []
        var hint = Suggestion.hint(for: key, in: known)
        if hint.isEmpty, Self.topLevelKeys.contains(key) {
            hint = " (top-level keys must come before the first [section] header)"
        }
        report(
            severity, at: path, onValue: false,
            "unknown \(noun)\(severity == .warning ? ", ignored" : "")\(hint)")
    }

    // MARK: - Top level

    mutating func decodeRegions(_ node: TOMLNode, at path: Path) {
        guard
            let elements = stringArray(node, at: path, expected: "a list of regions such as [\"us-east-1\"]")
        else { return }
        guard !elements.isEmpty else {
            error(at: path, "is empty; list at least one region, such as [\"us-east-1\"]")
            return
        }
        var regions: [String] = []
        for (region, elementPath) in elements {
            if !Self.isRegion(region) {
                error(at: elementPath, "\"\(region)\" is not an AWS region name (such as us-east-1)")
            } else if regions.contains(region) {
                warning(at: elementPath, "\"\(region)\" is listed twice")
            } else {
                regions.append(region)
            }
        }
        if !regions.isEmpty { configuration.regions = regions }
    }

    static func isRegion(_ text: String) -> Bool {
        text.wholeMatch(of: #/[a-z]{2}(-gov)?-[a-z]+-[0-9]/#) != nil
    }

    mutating func decodeTheme(_ node: TOMLNode, at path: Path) {
        guard let name = string(node, at: path) else { return }
        let isPath = ThemeLoader.isPath(name)
        let resolved =
            isPath ? ConfigPaths.resolve(name, relativeTo: context.baseDirectory, env: context.env) : name
        guard context.checkTheme else {
            configuration.theme = resolved
            return
        }
        do {
            _ = try ThemeLoader.load(nameOrPath: resolved, userThemesDirectory: context.userThemesDirectory)
            configuration.theme = resolved
        } catch {
            // The description names the theme file and line, or only the name when none was found.
            self.error(at: path, "\(error.description); using the default theme")
        }
    }

    // MARK: - Sections

    mutating func decodeRefresh(_ table: [String: TOMLNode], at section: Path) {
        for (key, value) in inFileOrder(table, at: section) {
            let path = section + [.key(key)]
            guard let source = Source(rawValue: key) else {
                unknownKey(key, in: "refresh", at: path)
                continue
            }
            guard let interval = duration(value, at: path) else { continue }
            if interval < .seconds(1) {
                error(at: path, "\(ConfigDuration.format(interval)) is too short; use at least 1s")
                continue
            }
            if interval < Self.minimumRefresh {
                warning(
                    at: path,
                    "every \(ConfigDuration.format(interval)) is likely to hit API rate limits; "
                        + "\(ConfigDuration.format(Self.minimumRefresh)) or more is safer")
            }
            configuration.refresh[source] = interval
        }
    }

    mutating func decodeKeys(_ table: [String: TOMLNode], at section: Path) {
        var owners: [Key: (action: KeyAction, line: Int?)] = [:]
        for (name, value) in inFileOrder(table, at: section) {
            let path = section + [.key(name)]
            guard let action = KeyAction(rawValue: name) else {
                unknownKey(name, in: "keys", at: path, severity: .error, noun: "action")
                continue
            }
            let elements: [(String, Path)]
            if let single = value.stringValue {
                elements = [(single, path)]
            } else if let list = stringArray(
                value, at: path, expected: "a key name or a list such as [\"j\", \"down\"]")
            {
                elements = list
            } else {
                continue
            }
            var keys: [Key] = []
            for (keyName, elementPath) in elements {
                guard let key = Key(name: keyName) else {
                    error(
                        at: elementPath,
                        "\"\(keyName)\" is not a key name (use a character, or names such as "
                            + "down, pgdn, enter, esc, tab, space, ctrl-r, f5)")
                    continue
                }
                if context.destructiveActions.contains(action), case .control = key {
                    error(
                        at: elementPath,
                        "\(key.name) is a Ctrl chord; \(action.rawValue) changes things, "
                            + "so bind it to a plain key where a slip cannot fire it")
                    continue
                }
                if let owner = owners[key] {
                    if owner.action == action {
                        warning(at: elementPath, "\"\(key.name)\" is listed twice")
                    } else {
                        let whereBound = owner.line.map { " on line \($0)" } ?? ""
                        error(
                            at: elementPath,
                            "\"\(key.name)\" is already bound to \(owner.action.rawValue)"
                                + "\(whereBound); a key can do one thing")
                    }
                    continue
                }
                owners[key] = (action, locator.location(elementPath)?.value.line)
                keys.append(key)
            }
            configuration.keys[action] = keys
        }
        let keymap = configuration.keymap()
        for action in KeyBindingRules.essentialActions where keymap.keys(for: action).isEmpty {
            let path = table[action.rawValue] != nil ? section + [.key(action.rawValue)] : section
            warning(at: path, onValue: false, "no key is left for \(action.rawValue)")
        }
    }

    mutating func decodeAWS(_ table: [String: TOMLNode], at section: Path) {
        for (key, value) in inFileOrder(table, at: section) {
            let path = section + [.key(key)]
            switch key {
            case "member_role":
                guard let role = string(value, at: path) else { continue }
                if role.wholeMatch(of: #/[A-Za-z0-9+=,.@_\-]{1,64}/#) == nil {
                    error(
                        at: path, "\"\(role)\" is not an IAM role name (1-64 of letters, digits and +=,.@_-)")
                } else {
                    configuration.aws.memberRole = role
                }
            case "concurrency":
                guard let count = integer(value, at: path) else { continue }
                if (1...256).contains(count) {
                    configuration.aws.concurrency = count
                } else {
                    error(at: path, "\(count) is out of range (use 1 to 256)")
                }
            case "endpoint_url":
                url(value, at: path).map { configuration.aws.endpointURL = $0 }
            default:
                unknownKey(key, in: "aws", at: path)
            }
        }
    }

    mutating func decodeBreakGlass(_ table: [String: TOMLNode], at section: Path) {
        for (key, value) in inFileOrder(table, at: section) {
            let path = section + [.key(key)]
            switch key {
            case "role_patterns":
                guard
                    let list = stringArray(
                        value, at: path, expected: "a list of name patterns such as [\"*BreakGlass*\"]")
                else { continue }
                var patterns: [String] = []
                for (pattern, elementPath) in list {
                    if pattern.isEmpty {
                        error(at: elementPath, "an empty pattern matches nothing")
                    } else if pattern.allSatisfy({ $0 == "*" }) {
                        error(at: elementPath, "\"\(pattern)\" would make every role a break-glass role")
                    } else {
                        patterns.append(pattern)
                    }
                }
                configuration.breakGlass.rolePatterns = patterns
            case "paths":
                guard
                    let list = stringArray(
                        value, at: path, expected: "a list of IAM paths such as [\"/breakglass/\"]")
                else { continue }
                var paths: [String] = []
                for (iamPath, elementPath) in list {
                    if iamPath.hasPrefix("/"), iamPath.hasSuffix("/"), iamPath != "/" {
                        paths.append(iamPath)
                    } else {
                        error(
                            at: elementPath,
                            "\"\(iamPath)\" is not an IAM path other than / "
                                + "(paths start and end with /, such as /breakglass/)")
                    }
                }
                configuration.breakGlass.paths = paths
            case "tags":
                guard
                    let tags = self.section(
                        value, at: path, expected: "a table such as { breakglass = \"true\" }")
                else { continue }
                var result: [String: String] = [:]
                for (tagKey, tagValue) in inFileOrder(tags, at: path) {
                    if let text = string(tagValue, at: path + [.key(tagKey)]) { result[tagKey] = text }
                }
                configuration.breakGlass.tags = result
            case "notify_sns_topic_arn", "notify_webhook_url", "notify_pagerduty_incident":
                decodeBreakGlassNotify(key, value, at: path)
            default:
                unknownKey(key, in: "breakglass", at: path)
            }
        }
    }

    mutating func decodePagerDuty(_ table: [String: TOMLNode], at section: Path) {
        for (key, value) in inFileOrder(table, at: section) {
            let path = section + [.key(key)]
            switch key {
            case "token":
                secret(value, at: path).map { configuration.pagerDuty.token = $0 }
            case "base_url":
                url(value, at: path).map { configuration.pagerDuty.baseURL = $0 }
            case "user_email":
                guard let email = string(value, at: path) else { continue }
                let parts = email.split(separator: "@", omittingEmptySubsequences: false)
                if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" ") {
                    configuration.pagerDuty.userEmail = email
                } else {
                    error(at: path, "\"\(email)\" is not an email address")
                }
            case "webhook_secrets":
                // Never echo an element: each one is a secret.
                guard let list = stringArray(value, at: path, expected: "a list of strings")
                else { continue }
                var secrets: [Secret] = []
                for (text, elementPath) in list {
                    if text.isEmpty {
                        error(at: elementPath, "an empty secret cannot verify anything")
                    } else {
                        secrets.append(Secret(text))
                    }
                }
                configuration.pagerDuty.webhookSecrets = secrets
            default:
                unknownKey(key, in: "pagerduty", at: path)
            }
        }
    }

    mutating func decodeGitHub(_ table: [String: TOMLNode], at section: Path) {
        for (key, value) in inFileOrder(table, at: section) {
            let path = section + [.key(key)]
            switch key {
            case "token":
                secret(value, at: path).map {
                    configuration.gitHub.token = $0
                    configuration.gitHub.tokenOrigin = .configFile(file)
                }
            case "api_url":
                url(value, at: path).map { configuration.gitHub.apiURL = $0 }
            case "repositories":
                guard let list = stringArray(value, at: path, expected: "a list such as [\"owner/name\"]")
                else { continue }
                var repositories: [String] = []
                for (repository, elementPath) in list {
                    if repository.wholeMatch(of: #/[A-Za-z0-9_.\-]+\/[A-Za-z0-9_.\-]+/#) != nil {
                        repositories.append(repository)
                    } else {
                        error(at: elementPath, "\"\(repository)\" is not a repository (use owner/name)")
                    }
                }
                configuration.gitHub.repositories = repositories
            case "runs_per_repository":
                guard let count = integer(value, at: path) else { continue }
                if (1...GitHubSettings.maximumRunsPerRepository).contains(count) {
                    configuration.gitHub.runsPerRepository = count
                } else {
                    error(at: path, "\(count) is out of range (use 1 to 100)")
                }
            default:
                unknownKey(key, in: "github", at: path)
            }
        }
    }
}
