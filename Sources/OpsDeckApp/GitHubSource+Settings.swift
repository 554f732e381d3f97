import Foundation
import OpsDeckConfig
import OpsDeckSync

extension GitHubSource {
    /// The GitHub source the `[github]` settings describe; nil when no repository is
    /// listed or the API URL is not an http(s) URL (`config check` reports that).
    init?(settings: GitHubSettings) {
        guard !settings.repositories.isEmpty, let url = URL(string: settings.apiURL),
            url.scheme == "https" || url.scheme == "http", url.host != nil
        else { return nil }
        let token = settings.token.map { secret in
            GitHubToken(secret.value, origin: settings.tokenOrigin?.description ?? "the config file")
        }
        self.init(
            apiURL: url, token: token, repositories: settings.repositories,
            runsPerRepository: settings.runsPerRepository)
    }
}
