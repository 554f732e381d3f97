import Testing

@testable import OpsDeckConfig

/// `[github]`: where the token comes from (so a 401 can say where to fix it) and how many
/// runs are read.
struct GitHubSettingsTests {
    static let text = """
        [github]
        token = "ghp_from_the_file"
        repositories = ["acme/web"]
        runs_per_repository = 25
        """

    static func load(_ env: [String: String], text: String = text) -> LoadedConfiguration {
        ConfigLoader.load(text: text, path: "/home/me/.config/opsdeck/config.toml", fileMode: 0o600, env: env)
    }

    @Test func theFileTokenNamesTheFile() {
        let settings = Self.load([:]).configuration.gitHub
        #expect(settings.token == Secret("ghp_from_the_file"))
        #expect(settings.tokenOrigin == .configFile("/home/me/.config/opsdeck/config.toml"))
        #expect(settings.tokenOrigin?.description == "[github] token in /home/me/.config/opsdeck/config.toml")
        #expect(settings.runsPerRepository == 25)
    }

    @Test(arguments: [
        (["GITHUB_TOKEN": "ghp_common"], "ghp_common", "GITHUB_TOKEN"),
        (
            ["OPSDECK_GITHUB_TOKEN": "ghp_own", "GITHUB_TOKEN": "ghp_common"], "ghp_own",
            "OPSDECK_GITHUB_TOKEN"
        ),
        (["OPSDECK_GITHUB_TOKEN": "", "GITHUB_TOKEN": "ghp_common"], "ghp_common", "GITHUB_TOKEN"),
    ])
    func theEnvironmentWinsOverTheFileAndSaysWhichVariable(
        env: [String: String], token: String, variable: String
    ) {
        let settings = Self.load(env).configuration.gitHub
        #expect(settings.token == Secret(token))
        #expect(settings.tokenOrigin == .environment(variable))
        #expect(settings.tokenOrigin?.description == "the environment variable \(variable)")
    }

    @Test func runsOutOfRangeAreAnErrorAndKeepTheDefault() {
        let loaded = Self.load([:], text: "[github]\nruns_per_repository = 500\n")
        #expect(loaded.configuration.gitHub.runsPerRepository == 10)
        #expect(loaded.errors.contains { $0.message.contains("500 is out of range (use 1 to 100)") })
    }

    @Test func whereTheTokenCameFromIsNotPartOfTheSettings() {
        var fromFile = GitHubSettings(token: Secret("t"), tokenOrigin: .configFile("a.toml"))
        let fromEnv = GitHubSettings(token: Secret("t"), tokenOrigin: .environment("GITHUB_TOKEN"))
        #expect(fromFile == fromEnv)
        fromFile.runsPerRepository = 11
        #expect(fromFile != fromEnv)
        #expect(GitHubSettings(tokenOrigin: .environment("GITHUB_TOKEN")).tokenOrigin == nil)
    }
}
