import AWSClient
import Foundation
import OpsDeckCore

/// Reads one account's pipeline runs in one region: CodePipeline executions, CodeBuild
/// builds and ECS service deployments. (GitHub Actions runs belong to no account:
/// ``GitHubActionsProvider`` reads them.)
public struct PipelinesProvider: Sendable {
    /// Signed for the account, calling the region being read.
    public var core: AWSClientCore
    /// The newest builds read per CodeBuild project.
    public var buildsPerProject: Int
    /// The newest executions read per CodePipeline pipeline.
    public var executionsPerPipeline: Int

    /// Creates a provider.
    public init(core: AWSClientCore, buildsPerProject: Int = 20, executionsPerPipeline: Int = 10) {
        self.core = core
        self.buildsPerProject = max(1, buildsPerProject)
        self.executionsPerPipeline = max(1, executionsPerPipeline)
    }

    /// ListPipelines, ListPipelineExecutions (newest first), GetPipelineState;
    /// ListProjects, ListBuildsForProject, BatchGetBuilds; ListClusters, ListServices,
    /// DescribeServices. Runs are stamped with `accountId` and the region.
    /// - Throws: `AWSClientError`.
    public func fetch(accountId: String) async throws(AWSClientError) -> [PipelineRun] {
        var runs = try await codePipelineRuns(accountId: accountId)
        let codeBuild = CodeBuildClient(core: core)
        var buildIds: [String] = []
        for project in try await codeBuild.listProjects() {
            buildIds += try await codeBuild.listBuildsForProject(
                projectName: project, limit: buildsPerProject)
        }
        runs += try await codeBuild.batchGetBuilds(ids: buildIds).map {
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

    /// The newest executions of every pipeline, each with the stage it is at (running)
    /// or ended in (failed, stopped). GetPipelineState is asked once per pipeline, and only
    /// when one of its executions is running, failed or stopped.
    /// - Throws: `AWSClientError`.
    public func codePipelineRuns(accountId: String) async throws(AWSClientError) -> [PipelineRun] {
        let client = CodePipelineClient(core: core)
        var runs: [PipelineRun] = []
        for pipeline in try await client.listPipelines() {
            let executions: [CodePipelineClient.PipelineExecution]
            do {
                executions = try await client.listPipelineExecutions(
                    pipelineName: pipeline.name, limit: executionsPerPipeline)
            } catch .notImplemented(let context, let endpoint) {
                // Emulators (moto) list pipelines but not their executions; the CodeBuild
                // and ECS runs of the account are still worth having.
                core.logger.warning(
                    "CodePipeline executions are not served here; skipping them",
                    metadata: [
                        "aws.account": "\(accountId)", "aws.region": "\(context.region)",
                        "aws.endpoint": "\(endpoint)",
                    ])
                return runs
            }
            let needsState = executions.contains { execution in
                [.inProgress, .queued, .failed, .stopped].contains(execution.runStatus)
            }
            let state = needsState ? try await client.getPipelineState(name: pipeline.name) : nil
            runs += executions.map { execution in
                execution.pipelineRun(
                    accountId: accountId, region: core.region, stage: state?.stage(of: execution))
            }
        }
        return runs
    }
}
