/// The `[github]` section.
public struct GitHubSettings: Sendable, Hashable {
    /// Where a token came from, so an error about it can say where to fix it.
    public enum TokenOrigin: Sendable, Hashable, CustomStringConvertible {
        /// An environment variable, by name (`OPSDECK_GITHUB_TOKEN`, `GITHUB_TOKEN`).
        case environment(String)
        /// `[github] token` in the config file at this path.
        case configFile(String)

        /// "the environment variable GITHUB_TOKEN" or "[github] token in <path>".
        public var description: String {
            switch self {
            case .environment(let name): "the environment variable \(name)"
            case .configFile(let path): "[github] token in \(path)"
            }
        }
    }

    /// The most workflow runs a repository may ask for (GitHub's largest page).
    public static let maximumRunsPerRepository = 100

    /// API token; nil reads public repositories without one (GitHub allows 60 requests
    /// an hour).
    public var token: Secret?
    /// Where `token` came from; nil when there is none.
    public var tokenOrigin: TokenOrigin?
    public var apiURL: String
    /// `owner/name` repositories whose workflow runs are shown; empty leaves the GitHub
    /// source off.
    public var repositories: [String]
    /// The newest runs read per repository (1...100).
    public var runsPerRepository: Int

    public init(
        token: Secret? = nil, apiURL: String = "https://api.github.com", repositories: [String] = [],
        tokenOrigin: TokenOrigin? = nil, runsPerRepository: Int = 10
    ) {
        self.token = token
        self.tokenOrigin = token == nil ? nil : tokenOrigin
        self.apiURL = apiURL
        self.repositories = repositories
        self.runsPerRepository = min(max(1, runsPerRepository), Self.maximumRunsPerRepository)
    }

    /// Equal when every setting is; where the token came from is not a setting.
    public static func == (lhs: GitHubSettings, rhs: GitHubSettings) -> Bool {
        lhs.token == rhs.token && lhs.apiURL == rhs.apiURL && lhs.repositories == rhs.repositories
            && lhs.runsPerRepository == rhs.runsPerRepository
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(token)
        hasher.combine(apiURL)
        hasher.combine(repositories)
        hasher.combine(runsPerRepository)
    }
}
