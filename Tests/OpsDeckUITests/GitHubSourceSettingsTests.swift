import Foundation
import OpsDeckConfig
import OpsDeckSync
import Testing

@testable import OpsDeckApp

/// `[github]` settings become the refresh's GitHub source, token origin and all.
struct GitHubSourceSettingsTests {
    @Test func repositoriesTurnTheSourceOnAndTheTokenKeepsItsOrigin() throws {
        #expect(GitHubSource(settings: GitHubSettings(token: Secret("t"))) == nil)
        #expect(GitHubSource(settings: GitHubSettings(apiURL: "ftp://x", repositories: ["a/b"])) == nil)
        let settings = GitHubSettings(
            token: Secret("ghp_value"), apiURL: "https://ghe.example.com/api/v3", repositories: ["a/b"],
            tokenOrigin: .environment("GITHUB_TOKEN"), runsPerRepository: 30)
        let source = try #require(GitHubSource(settings: settings))
        #expect(source.apiURL.absoluteString == "https://ghe.example.com/api/v3")
        #expect(source.repositories == ["a/b"])
        #expect(source.runsPerRepository == 30)
        #expect(source.token?.value == "ghp_value")
        #expect(source.token?.origin == "the environment variable GITHUB_TOKEN")
        #expect(!"\(source)".contains("ghp_value"))
        let anonymous = try #require(GitHubSource(settings: GitHubSettings(repositories: ["a/b"])))
        #expect(anonymous.token == nil)
    }
}
