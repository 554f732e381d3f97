import Foundation
import OpsDeckUI
import Testing

@testable import OpsDeckConfig

@Suite struct ConfigCheckerTests {
    static let manyProblems = """
        # OpsDeck config with many problems
        profile = "org-admin"
        regions = ["us-east-1", "us-east", "eu-west-1", "us-east-1"]
        theme = "drakula"
        mouse = "yes"
        colour = "red"

        [refresh]
        alarms = "6x"
        incidents = "2m"
        pipelines = -5
        organisations = "1h"
        cost = 5

        [keys]
        quit = ["q", "ctrl-q"]
        down = ["j", "downn"]
        up = ["k", "q"]
        jump = ["J"]

        [aws]
        concurrency = 0
        member_role = "Org Access"
        endpoint_url = "localhost:5000"

        [pagerdutty]
        token = "pd-secret-value"

        [github]
        token = "ghp_supersecretvalue"
        repositories = ["octo/repo", "nope"]
        """

    @Test func reportsEveryProblemWithItsLine() {
        let problems = ConfigChecker.check(
            text: Self.manyProblems, path: "config.toml", fileMode: 0o600,
            userThemesDirectory: nil, env: [:])
        let lines = problems.map(\.description)
        #expect(
            lines == [
                "config.toml:3:25: error: regions: \"us-east\" is not an AWS region name (such as us-east-1)",
                "config.toml:3:49: warning: regions: \"us-east-1\" is listed twice",
                "config.toml:4:9: error: theme: no theme named \"drakula\"; looked in the built-in themes; "
                    + "using the default theme",
                "config.toml:5:9: error: mouse: expected true or false, found a string",
                "config.toml:6:1: warning: colour: unknown key, ignored",
                "config.toml:9:10: error: [refresh] alarms: \"6x\" is not a duration (use 60s, 2m, 1h)",
                "config.toml:11:13: error: [refresh] pipelines: -5 is negative (use 60s, 2m, 1h)",
                "config.toml:12:1: warning: [refresh] organisations: unknown key, ignored "
                    + "(did you mean \"organizations\"?)",
                "config.toml:13:8: warning: [refresh] cost: every 5s is likely to hit API rate limits; "
                    + "10s or more is safer",
                "config.toml:17:14: error: [keys] down: \"downn\" is not a key name "
                    + "(use a character, or names such as down, pgdn, enter, esc, tab, space, ctrl-r, f5)",
                "config.toml:18:12: error: [keys] up: \"q\" is already bound to quit on line 16; a key can "
                    + "do one thing",
                "config.toml:19:1: error: [keys] jump: unknown action",
                "config.toml:22:15: error: [aws] concurrency: 0 is out of range (use 1 to 256)",
                "config.toml:23:15: error: [aws] member_role: \"Org Access\" is not an IAM role name "
                    + "(1-64 of letters, digits and +=,.@_-)",
                "config.toml:24:16: error: [aws] endpoint_url: \"localhost:5000\" is not an http(s) URL "
                    + "such as https://example.com",
                "config.toml:26:2: warning: [pagerdutty]: unknown section, ignored (did you mean "
                    + "[pagerduty]?)",
                "config.toml:31:30: error: [github] repositories: \"nope\" is not a repository (use "
                    + "owner/name)",
            ])
    }

    @Test func badValuesKeepTheirDefaultsAndGoodOnesApply() {
        let loaded = ConfigLoader.load(
            text: Self.manyProblems, path: "config.toml", fileMode: 0o600, env: [:])
        let config = loaded.configuration
        #expect(loaded.hasErrors)
        #expect(config.profile == "org-admin")
        #expect(config.regions == ["us-east-1", "eu-west-1"])
        #expect(config.theme == "default")
        #expect(config.mouse == true)
        #expect(config.refreshInterval(for: .alarms) == .seconds(60))
        #expect(config.refreshInterval(for: .incidents) == .seconds(120))
        #expect(config.refreshInterval(for: .pipelines) == .seconds(120))
        #expect(config.refreshInterval(for: .cost) == .seconds(5))
        #expect(config.keys[.quit] == [.character("q"), .control("q")])
        #expect(config.keys[.down] == [.character("j")])
        #expect(config.keys[.up] == [.character("k")])
        #expect(config.aws == AWSSettings())
        #expect(config.pagerDuty.token == nil)
        #expect(config.gitHub.token == Secret("ghp_supersecretvalue"))
        #expect(config.gitHub.repositories == ["octo/repo"])
    }

    @Test func secretsNeverAppearInProblems() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = """
            [pagerduty]
            token = 424242
            webhook_secrets = ["whsec-one", 7, ""]
            user_email = "oncall"
            [github]
            token = ""
            tokn = "ghp_typo_secret"
            """
        let path = try directory.write("config.toml", text, mode: 0o644)
        let problems = ConfigChecker.check(text: text, path: path)
        #expect(problems.count == 7)
        // Messages only: the temporary path is random and could contain anything.
        let all = problems.map(\.message).joined(separator: "\n")
        for secret in ["whsec-one", "ghp_typo_secret", "424242"] {
            #expect(!all.contains(secret), "problem text leaks \(secret): \(all)")
        }
        #expect(all.contains("[pagerduty] token: expected a string, found an integer"))
    }

    @Test func secretInAWorldReadableFileIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "theme = \"light\"\n\n[pagerduty]\ntoken = \"pd-secret-value\"\n"
        let open = try directory.write("open.toml", text, mode: 0o644)
        let problems = ConfigChecker.check(text: text, path: open)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.severity == .error)
        #expect(problem.line == 4)
        #expect(problem.message.contains("mode 644"))
        #expect(problem.message.contains("chmod 600 \(open)"))
        #expect(!problem.description.contains("pd-secret-value"))

        let closed = try directory.write("closed.toml", text, mode: 0o600)
        #expect(ConfigChecker.check(text: text, path: closed).isEmpty)

        let noSecrets = "theme = \"light\"\n"
        let public_ = try directory.write("public.toml", noSecrets, mode: 0o644)
        #expect(ConfigChecker.check(text: noSecrets, path: public_).isEmpty)

        // A file that does not parse is still checked for secrets.
        let broken = text + "regions = [\n"
        let brokenPath = try directory.write("broken.toml", broken, mode: 0o640)
        let brokenProblems = ConfigChecker.check(text: broken, path: brokenPath)
        #expect(brokenProblems.map(\.line) == [4, 5])
        #expect(brokenProblems.first?.message.contains("mode 640") == true)
        #expect(brokenProblems.last?.message.hasPrefix("TOML syntax error") == true)

        // The loader reports the same when it reads the file itself.
        let loaded = ConfigLoader.load(path: open, env: [:])
        #expect(loaded.problems == problems)
        #expect(loaded.configuration.pagerDuty.token == Secret("pd-secret-value"))
    }

    @Test func syntaxErrorIsReportedWithLineAndDefaultsAreUsed() throws {
        let text = "theme = \"light\"\nregions = [\"us-east-1\",\n[keys]\n"
        let loaded = ConfigLoader.load(text: text, path: "c.toml", fileMode: nil, env: [:])
        #expect(loaded.problems.count == 1)
        let problem = try #require(loaded.problems.first)
        #expect(problem.severity == .error)
        #expect(problem.line == 3)
        #expect(problem.message.hasPrefix("TOML syntax error: "))
        #expect(loaded.configuration == .defaults)
    }

    @Test func destructiveActionOnCtrlChordIsAnError() {
        let text = "[keys]\nrefresh = [\"r\", \"ctrl-r\"]\n"
        var context = ConfigDecoder.Context()
        context.destructiveActions = [.refresh]
        let decoded = ConfigDecoder.decode(text: text, file: "c.toml", context: context)
        #expect(
            decoded.problems.map(\.description) == [
                "c.toml:2:17: error: [keys] refresh: ctrl-r is a Ctrl chord; refresh changes things, "
                    + "so bind it to a plain key where a slip cannot fire it"
            ])
        #expect(decoded.configuration.keys[.refresh] == [.character("r")])
        // With the shipped rules (nothing destructive yet) the same file is fine.
        #expect(ConfigDecoder.decode(text: text, file: "c.toml", context: .init()).problems.isEmpty)
    }

    @Test func leavingQuitWithoutAKeyWarns() {
        let problems = ConfigChecker.check(
            text: "[keys]\nquit = []\n", path: "c.toml", fileMode: nil,
            userThemesDirectory: nil, env: [:])
        #expect(problems.map(\.description) == ["c.toml:2:1: warning: [keys] quit: no key is left for quit"])
    }

    @Test func misplacedKeysGetAHint() {
        let text = """
            alarms = "2m"
            [keys]
            theme = "light"
            """
        let problems = ConfigChecker.check(
            text: text, path: "c.toml", fileMode: nil, userThemesDirectory: nil,
            env: [:])
        #expect(
            problems.map(\.message) == [
                "alarms: unknown top-level key, ignored; did you mean to put it under [refresh]?",
                "[keys] theme: unknown action (top-level keys must come before the first [section] header)",
            ])
    }

    @Test func themeIsCheckedAgainstUserThemesAndFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("themes/mine.toml", "[roles]\ntext = { fg = \"red\" }\n")
        try directory.write("broken.toml", "[roles]\ntxet = {}\n")
        let themes = directory.path + "/themes"
        let configPath = directory.path + "/config.toml"
        #expect(
            ConfigChecker.check(
                text: "theme = \"mine\"", path: configPath, fileMode: nil,
                userThemesDirectory: themes, env: [:]
            ).isEmpty)
        let problems = ConfigChecker.check(
            text: "theme = \"broken.toml\"", path: configPath, fileMode: nil,
            userThemesDirectory: themes, env: [:])
        #expect(
            problems.map(\.message) == [
                "theme: \(directory.path)/broken.toml:2:1: unknown role \"txet\" (did you mean \"text\"?); "
                    + "using the default theme"
            ])
        try directory.write("themes/bad.toml", "[roles]\ntext = { fg = \"nope\" }\n")
        let byName = ConfigChecker.check(
            text: "\ntheme = \"bad\"", path: configPath, fileMode: nil, userThemesDirectory: themes, env: [:])
        #expect(byName.map(\.line) == [2])
        let message = byName.first?.message ?? ""
        #expect(message.hasPrefix("theme: \(themes)/bad.toml:2:15: bad colour for text fg"))
    }

    @Test func wrongTypesForSections() {
        let text = "refresh = 5\naws = \"x\"\n"
        let problems = ConfigChecker.check(
            text: text, path: "c.toml", fileMode: nil, userThemesDirectory: nil,
            env: [:])
        #expect(
            problems.map(\.description) == [
                "c.toml:1:11: error: refresh: expected a [section] table, found an integer",
                "c.toml:2:7: error: aws: expected a [section] table, found a string",
            ])
    }
}
