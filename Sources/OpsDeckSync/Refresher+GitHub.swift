import Foundation
import OpsDeckCore

extension Refresher {
    /// Reads the configured repositories' workflow runs into the cache scope
    /// `github`/`global`; a failure is recorded there, with the repository and what to do,
    /// and the cache keeps the last good runs.
    func refreshGitHub(_ gitHub: GitHubSource, state: RefreshState) async {
        guard !gitHub.repositories.isEmpty else { return }
        let provider = GitHubActionsProvider(
            source: gitHub, transport: management.transport, logger: management.logger)
        let message: String
        do {
            let runs = try await provider.fetch()
            try cache.replace(
                source: .pipelines, accountId: GitHubSource.accountId, region: GitHubSource.region,
                fetchedAt: now(), with: .pipelineRuns(runs))
            state.succeed()
            return
        } catch let error as GitHubError {
            message = error.description
        } catch {
            message = "Writing GitHub Actions runs to the cache failed: \(error)"
        }
        if Task.isCancelled { return }
        state.fail(
            .init(
                source: .pipelines, accountId: GitHubSource.accountId, region: GitHubSource.region,
                message: message))
        management.logger.warning(
            "refresh failed",
            metadata: [
                "sync.source": "pipelines", "sync.account": "\(GitHubSource.accountId)",
                "sync.region": "\(GitHubSource.region)",
            ])
        do {
            try cache.recordFailure(
                source: .pipelines, accountId: GitHubSource.accountId, region: GitHubSource.region,
                at: now(), message: message)
        } catch {
            management.logger.error("could not record the failure: \(error)")
        }
    }
}
