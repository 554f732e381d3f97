import Foundation

/// The JSON 1.1 shapes of the CodePipeline operations this client uses.
enum CodePipelineWire {
    struct PageInput: Encodable {
        var nextToken: String?
    }

    struct NameInput: Encodable {
        var name: String
    }

    struct ListExecutionsInput: Encodable {
        var pipelineName: String
        var maxResults: Int?
        var nextToken: String?
    }

    struct PipelineShape: Decodable {
        var name: String
        var version: Int?
        var created: Date?
        var updated: Date?
    }

    struct ListPipelinesOutput: Decodable {
        var pipelines: [PipelineShape]?
        var nextToken: String?
    }

    struct SourceRevision: Decodable {
        var actionName: String?
        var revisionId: String?
        var revisionSummary: String?
    }

    struct Trigger: Decodable {
        var triggerType: String?
        var triggerDetail: String?
    }

    struct ExecutionSummary: Decodable {
        var pipelineExecutionId: String
        var status: String?
        var statusSummary: String?
        var startTime: Date?
        var lastUpdateTime: Date?
        var sourceRevisions: [SourceRevision]?
        var trigger: Trigger?

        func model(pipelineName: String) -> CodePipelineClient.PipelineExecution {
            let source = sourceRevisions?.first
            return CodePipelineClient.PipelineExecution(
                pipelineName: pipelineName, executionId: pipelineExecutionId, status: status ?? "",
                statusSummary: statusSummary, startTime: startTime, lastUpdateTime: lastUpdateTime,
                triggerType: trigger?.triggerType, triggerDetail: trigger?.triggerDetail,
                sourceRevision: source?.revisionId, sourceRevisionSummary: source?.revisionSummary)
        }
    }

    struct ListExecutionsOutput: Decodable {
        var pipelineExecutionSummaries: [ExecutionSummary]?
        var nextToken: String?
    }

    struct StageExecution: Decodable {
        var pipelineExecutionId: String?
        var status: String?
    }

    struct StageState: Decodable {
        var stageName: String?
        var latestExecution: StageExecution?
    }

    struct GetPipelineStateOutput: Decodable {
        var pipelineName: String?
        var stageStates: [StageState]?
    }
}
