import AWSClient
import Foundation
import OpsDeckCore

/// Reads one account's pipeline runs in one region: CodeBuild builds and ECS service
/// deployments. (CodePipeline executions are not read yet.)
public struct PipelinesProvider: Sendable {
    /// Signed for the account, calling the region being read.
    public var core: AWSClientCore
    /// The newest builds read per CodeBuild project.
    public var buildsPerProject: Int

    /// Creates a provider.
    public init(core: AWSClientCore, buildsPerProject: Int = 20) {
        self.core = core
        self.buildsPerProject = max(1, buildsPerProject)
    }

    /// ListProjects, ListBuildsForProject (newest first), BatchGetBuilds; ListClusters,
    /// ListServices, DescribeServices. Runs are stamped with `accountId` and the region.
    /// - Throws: `AWSClientError`.
    public func fetch(accountId: String) async throws(AWSClientError) -> [PipelineRun] {
        let codeBuild = CodeBuildClient(core: core)
        var buildIds: [String] = []
        for project in try await codeBuild.listProjects() {
            buildIds += try await codeBuild.listBuildsForProject(
                projectName: project, limit: buildsPerProject)
        }
        var runs = try await codeBuild.batchGetBuilds(ids: buildIds).map {
            $0.pipelineRun(accountId: accountId, region: core.region)
        }
        let ecs = ECSClient(core: core)
        for cluster in try await ecs.listClusters() {
            let services = try await ecs.listServices(cluster: cluster)
            guard !services.isEmpty else { continue }
            for service in try await ecs.describeServices(cluster: cluster, services: services) {
                runs += service.pipelineRuns(accountId: accountId, region: core.region)
            }
        }
        // The cache keys rows by the scope read.
        return runs.map { run in
            var run = run
            run.accountId = accountId
            run.region = core.region
            return run
        }
    }
}
