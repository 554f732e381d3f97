import Foundation
import OpsDeckCore

/// AWS CodePipeline: pipelines, their executions and where each stands.
public struct CodePipelineClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// Every pipeline in the region.
    /// - Throws: `AWSClientError`.
    public func listPipelines() async throws(AWSClientError) -> [PipelineSummary] {
        let operation = "ListPipelines"
        return try await Paginator(context: core.context(.codePipeline, operation: operation)).collect {
            token throws(AWSClientError) in
            let page = try await core.json(
                .codePipeline, operation: operation, input: CodePipelineWire.PageInput(nextToken: token),
                output: CodePipelineWire.ListPipelinesOutput.self)
            let pipelines = (page.pipelines ?? []).map {
                PipelineSummary(name: $0.name, version: $0.version, created: $0.created, updated: $0.updated)
            }
            return (pipelines, page.nextToken)
        }
    }

    /// The executions of a pipeline, newest first.
    /// - Parameters:
    ///   - pipelineName: the pipeline.
    ///   - limit: stop after this many (nil: the whole history, every page).
    /// - Throws: `AWSClientError`.
    public func listPipelineExecutions(
        pipelineName: String, limit: Int? = nil
    ) async throws(AWSClientError) -> [PipelineExecution] {
        let operation = "ListPipelineExecutions"
        // Ask for no more than is wanted (the API's page is 1...100, default 100).
        let pageSize = limit.map { min(max($0, 1), 100) }
        return try await Paginator(context: core.context(.codePipeline, operation: operation)).collect(
            limit: limit
        ) {
            token throws(AWSClientError) in
            let page = try await core.json(
                .codePipeline, operation: operation,
                input: CodePipelineWire.ListExecutionsInput(
                    pipelineName: pipelineName, maxResults: pageSize, nextToken: token),
                output: CodePipelineWire.ListExecutionsOutput.self)
            return (
                (page.pipelineExecutionSummaries ?? []).map { $0.model(pipelineName: pipelineName) },
                page.nextToken
            )
        }
    }

    /// Where each stage of a pipeline stands.
    /// - Throws: `AWSClientError`.
    public func getPipelineState(name: String) async throws(AWSClientError) -> PipelineState {
        let output = try await core.json(
            .codePipeline, operation: "GetPipelineState", input: CodePipelineWire.NameInput(name: name),
            output: CodePipelineWire.GetPipelineStateOutput.self)
        let stages = (output.stageStates ?? []).map { stage in
            PipelineState.Stage(
                name: stage.stageName ?? "", executionId: stage.latestExecution?.pipelineExecutionId,
                status: stage.latestExecution?.status)
        }
        return PipelineState(pipelineName: output.pipelineName ?? name, stages: stages)
    }
}
