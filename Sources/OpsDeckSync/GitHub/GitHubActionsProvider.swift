import Foundation
import Logging
import OpsDeckCore
import OpsDeckHTTP

/// Reads the newest workflow runs of every configured repository, as pipeline runs in
/// the cache scope `github`/`global` (GitHub runs belong to no AWS account).
public struct GitHubActionsProvider: Sendable {
    public var client: GitHubActionsClient

    /// Creates a provider.
    public init(source: GitHubSource, transport: any HTTPTransport, logger: Logger) {
        self.client = GitHubActionsClient(source: source, transport: transport, logger: logger)
    }

    /// Every repository's newest runs, repository by repository.
    ///
    /// All or nothing: the first repository that fails stops the fetch, so the cache
    /// keeps every repository's last good runs rather than dropping those of the one that
    /// failed.
    /// - Throws: `GitHubError`, naming the repository.
    public func fetch() async throws(GitHubError) -> [PipelineRun] {
        var runs: [PipelineRun] = []
        for repository in client.source.repositories {
            let listed = try await client.listWorkflowRuns(
                repository: repository, limit: client.source.runsPerRepository)
            runs += listed.map { $0.pipelineRun(repository: repository) }
        }
        return runs
    }
}
