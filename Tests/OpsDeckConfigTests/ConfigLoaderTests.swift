import Foundation
import OpsDeckCore
import OpsDeckUI
import TerminalKit
import Testing

@testable import OpsDeckConfig

@Suite struct ConfigLoaderTests {
    static let fullExample = """
        profile = "org-admin"
        regions = ["us-east-1", "us-west-2", "eu-central-1", "us-gov-west-1"]
        theme = "mine"
        ascii = true
        mouse = false
        readonly = true

        [refresh]
        alarms = "30s"      # strings with units
        incidents = 45      # or seconds
        pipelines = "2m"
        organizations = "1h"
        roles = "1h30m"
        cost = "6h"

        [keys]
        quit = ["q", "ctrl-q"]
        down = ["j", "down"]
        up = "k"
        refresh = ["R", "f5"]

        [aws]
        member_role = "OpsDeckReadOnly"
        concurrency = 8
        endpoint_url = "http://127.0.0.1:5000"

        [breakglass]
        role_patterns = ["*BreakGlass*"]
        paths = ["/emergency/"]
        tags = { "opsdeck:breakglass" = "yes", team = "*" }

        [pagerduty]
        token = "pd-token-value"
        base_url = "https://api.eu.pagerduty.com"
        user_email = "oncall@example.com"
        webhook_secrets = ["whsec-a", "whsec-b"]

        [github]
        token = "ghp-token-value"
        api_url = "https://github.example.com/api/v3"
        repositories = ["acme/infra", "acme/payments"]
        """

    static let expected = OpsDeckConfiguration(
        profile: "org-admin",
        regions: ["us-east-1", "us-west-2", "eu-central-1", "us-gov-west-1"],
        theme: "mine",
        refresh: [
            .alarms: .seconds(30), .incidents: .seconds(45), .pipelines: .seconds(120),
            .organizations: .seconds(3600), .roles: .seconds(5400), .cost: .seconds(21_600),
        ],
        keys: [
            .quit: [.character("q"), .control("q")], .down: [.character("j"), .down], .up: [.character("k")],
            .refresh: [.character("R"), .function(5)],
        ],
        ascii: true, mouse: false, readonly: true,
        aws: AWSSettings(memberRole: "OpsDeckReadOnly", concurrency: 8, endpointURL: "http://127.0.0.1:5000"),
        breakGlass: BreakGlassSettings(
            rolePatterns: ["*BreakGlass*"], paths: ["/emergency/"],
            tags: ["opsdeck:breakglass": "yes", "team": "*"]),
        pagerDuty: PagerDutySettings(
            token: Secret("pd-token-value"), baseURL: "https://api.eu.pagerduty.com",
            userEmail: "oncall@example.com",
            webhookSecrets: [Secret("whsec-a"), Secret("whsec-b")]),
        gitHub: GitHubSettings(
            token: Secret("ghp-token-value"), apiURL: "https://github.example.com/api/v3",
            repositories: ["acme/infra", "acme/payments"])
    )

    @Test func defaultsWhenTheFileIsMissing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let loaded = ConfigLoader.load(env: ["XDG_CONFIG_HOME": directory.path])
        #expect(loaded.configuration == .defaults)
        #expect(loaded.problems.isEmpty)
        #expect(!loaded.fileExists)
        #expect(loaded.path == directory.path + "/opsdeck/config.toml")
    }

    @Test func theDefaults() {
        let config = OpsDeckConfiguration.defaults
        #expect(config.profile == nil)
        #expect(config.regions == ["us-east-1", "us-west-2"])
        #expect(config.theme == "default")
        #expect(config.refreshInterval(for: .alarms) == .seconds(60))
        #expect(config.refreshInterval(for: .incidents) == .seconds(60))
        #expect(config.refreshInterval(for: .pipelines) == .seconds(120))
        #expect(config.refreshInterval(for: .organizations) == .seconds(3600))
        #expect(config.refreshInterval(for: .roles) == .seconds(3600))
        #expect(config.refreshInterval(for: .cost) == .seconds(21_600))
        #expect(config.keys.isEmpty)
        #expect(!config.ascii && config.mouse && !config.readonly)
        #expect(config.aws.memberRole == "OrganizationAccountAccessRole")
        #expect(config.aws.concurrency == 16)
        #expect(config.aws.endpointURL == nil)
        #expect(config.pagerDuty.token == nil && config.gitHub.token == nil)
        #expect(config.keymap() == Keymap.defaults)
    }

    @Test func explicitMissingFileIsAnError() {
        let loaded = ConfigLoader.load(path: "/nonexistent/opsdeck.toml", env: [:])
        #expect(loaded.configuration == .defaults)
        #expect(
            loaded.problems.map(\.description) == [
                "/nonexistent/opsdeck.toml: error: no such file; using the defaults"
            ])
    }

    @Test func unreadableOrNonUTF8FileIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let loaded = ConfigLoader.load(path: directory.path, env: [:])
        #expect(loaded.hasErrors)
        #expect(loaded.configuration == .defaults)
        let path = directory.path + "/latin1.toml"
        try Data([0x74, 0x3D, 0x22, 0xE9, 0x22]).write(to: URL(fileURLWithPath: path))
        #expect(
            ConfigLoader.load(path: path, env: [:]).problems.first?.message
                == "the file is not UTF-8 text; using the defaults")
    }

    @Test func paths() {
        #expect(
            ConfigPaths.configFile(env: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"])
                == "/xdg/opsdeck/config.toml")
        #expect(ConfigPaths.configFile(env: ["HOME": "/home/u"]) == "/home/u/.config/opsdeck/config.toml")
        #expect(
            ConfigPaths.configFile(env: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"])
                == "/home/u/.config/opsdeck/config.toml")
        #expect(ConfigPaths.configFile(env: [:]) == nil)
        #expect(ConfigPaths.userThemesDirectory(env: ["XDG_CONFIG_HOME": "/xdg/"]) == "/xdg/opsdeck/themes")
    }

    @Test func fullExampleLoadsWithoutProblems() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("opsdeck/themes/mine.toml", "[roles]\ntext = { fg = 252 }\n")
        try directory.write("opsdeck/config.toml", Self.fullExample, mode: 0o600)
        let loaded = ConfigLoader.load(env: ["XDG_CONFIG_HOME": directory.path])
        #expect(loaded.fileExists)
        #expect(loaded.problems.isEmpty, "\(loaded.problems.map(\.description))")
        #expect(loaded.configuration == Self.expected)
    }

    @Test func renderedConfigurationReadsBackTheSame() throws {
        let text = ConfigRenderer.render(Self.expected)
        for secret in ["pd-token-value", "whsec-a", "ghp-token-value"] {
            #expect(!text.contains(secret))
        }
        #expect(text.contains("# token: set (not shown)"))
        let context = ConfigDecoder.Context(checkTheme: false)
        let decoded = ConfigDecoder.decode(text: text, file: "rendered.toml", context: context)
        #expect(decoded.problems.isEmpty, "\(decoded.problems.map(\.description))\n\(text)")
        var withoutSecrets = Self.expected
        withoutSecrets.pagerDuty.token = nil
        withoutSecrets.pagerDuty.webhookSecrets = []
        withoutSecrets.gitHub.token = nil
        #expect(decoded.configuration == withoutSecrets)

        let defaults = ConfigDecoder.decode(
            text: ConfigRenderer.render(.defaults), file: "d.toml", context: context)
        #expect(defaults.problems.isEmpty)
        #expect(defaults.configuration == .defaults)
    }

    @Test func renderQuotesAwkwardStrings() {
        #expect(ConfigRenderer.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }

    @Test func tokensFromTheEnvironmentWin() {
        let env = ["OPSDECK_PAGERDUTY_TOKEN": "pd-env", "OPSDECK_GITHUB_TOKEN": "gh-env"]
        let loaded = ConfigLoader.load(text: Self.fullExample, path: "c.toml", fileMode: 0o600, env: env)
        #expect(loaded.configuration.pagerDuty.token == Secret("pd-env"))
        #expect(loaded.configuration.gitHub.token == Secret("gh-env"))
        let missing = ConfigLoader.load(path: nil, env: env)
        #expect(missing.configuration.pagerDuty.token == Secret("pd-env"))
    }

    @Test func secretsDoNotPrint() {
        let config = Self.expected
        let printed = String(describing: config) + String(reflecting: config)
        var dumped = ""
        dump(config, to: &dumped)
        for secret in ["pd-token-value", "whsec-a", "ghp-token-value"] {
            #expect(!printed.contains(secret))
            #expect(!dumped.contains(secret))
        }
        #expect("\(Secret("x"))" == "<redacted>")
        #expect(Secret("x").value == "x")
    }

    @Test func relativeThemePathIsResolvedAgainstTheConfigFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("themes-here/mine.toml", "[roles]\n")
        let text = "theme = \"themes-here/mine.toml\"\n"
        let loaded = ConfigLoader.load(
            text: text, path: directory.path + "/config.toml", fileMode: nil, env: [:])
        #expect(loaded.problems.isEmpty)
        #expect(loaded.configuration.theme == directory.path + "/themes-here/mine.toml")
        let home = ConfigLoader.load(
            text: "theme = \"~/mine.toml\"\n", path: "/etc/config.toml", fileMode: nil,
            env: ["HOME": directory.path + "/themes-here"])
        #expect(home.problems.isEmpty)
        #expect(home.configuration.theme == directory.path + "/themes-here/mine.toml")
    }
}
