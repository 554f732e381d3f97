/// The `[github]` section.
public struct GitHubSettings: Sendable, Hashable {
    /// API token; nil leaves the GitHub source off.
    public var token: Secret?
    public var apiURL: String
    /// `owner/name` repositories whose workflow runs are shown.
    public var repositories: [String]

    public init(token: Secret? = nil, apiURL: String = "https://api.github.com", repositories: [String] = [])
    {
        self.token = token
        self.apiURL = apiURL
        self.repositories = repositories
    }
}
