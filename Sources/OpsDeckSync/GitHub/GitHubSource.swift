import Foundation

/// Which GitHub Actions runs a refresh reads, and how.
public struct GitHubSource: Sendable, Hashable {
    /// The cache scope of GitHub runs: they belong to no AWS account or region.
    public static let accountId = "github"
    /// The region of the cache scope (the cache's global region).
    public static let region = "global"

    /// The REST API root: `https://api.github.com`, or an Enterprise server's
    /// `https://HOST/api/v3`.
    public var apiURL: URL
    /// Nil reads public repositories only, within GitHub's 60 requests an hour.
    public var token: GitHubToken?
    /// `owner/name`, in the order they are read.
    public var repositories: [String]
    /// The newest runs read per repository (1...100: one page).
    public var runsPerRepository: Int
    /// How long one request may take.
    public var timeout: Duration

    /// Creates a source.
    public init(
        apiURL: URL, token: GitHubToken?, repositories: [String], runsPerRepository: Int = 10,
        timeout: Duration = .seconds(20)
    ) {
        self.apiURL = apiURL
        self.token = token
        self.repositories = repositories
        self.runsPerRepository = min(max(1, runsPerRepository), 100)
        self.timeout = timeout
    }
}
