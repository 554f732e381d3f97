import Foundation
import OpsDeckCore

extension CodePipelineClient {
    /// A pipeline as `ListPipelines` describes it.
    public struct PipelineSummary: Sendable, Hashable {
        public var name: String
        public var version: Int?
        public var created: Date?
        public var updated: Date?

        /// Creates a summary.
        public init(name: String, version: Int? = nil, created: Date? = nil, updated: Date? = nil) {
            self.name = name
            self.version = version
            self.created = created
            self.updated = updated
        }
    }

    /// One execution of a pipeline.
    public struct PipelineExecution: Sendable, Hashable {
        public var pipelineName: String
        public var executionId: String
        /// `InProgress`, `Stopped`, `Stopping`, `Succeeded`, `Superseded`, `Failed`, `Cancelled`.
        public var status: String
        public var statusSummary: String?
        public var startTime: Date?
        public var lastUpdateTime: Date?
        /// `StartPipelineExecution`, `Webhook`, `CloudWatchEvent`, ...
        public var triggerType: String?
        /// Who or what: an IAM or STS ARN, a rule ARN, a connection ARN.
        public var triggerDetail: String?
        /// The revision of the first source action (a commit id for Git sources).
        public var sourceRevision: String?
        public var sourceRevisionSummary: String?

        /// Creates an execution.
        public init(
            pipelineName: String, executionId: String, status: String, statusSummary: String? = nil,
            startTime: Date? = nil, lastUpdateTime: Date? = nil, triggerType: String? = nil,
            triggerDetail: String? = nil, sourceRevision: String? = nil, sourceRevisionSummary: String? = nil
        ) {
            self.pipelineName = pipelineName
            self.executionId = executionId
            self.status = status
            self.statusSummary = statusSummary
            self.startTime = startTime
            self.lastUpdateTime = lastUpdateTime
            self.triggerType = triggerType
            self.triggerDetail = triggerDetail
            self.sourceRevision = sourceRevision
            self.sourceRevisionSummary = sourceRevisionSummary
        }

        /// The status in OpsDeck's terms.
        public var runStatus: PipelineRun.Status {
            switch status {
            case "Succeeded": .succeeded
            case "Failed": .failed
            case "InProgress", "Stopping": .inProgress
            case "Stopped", "Cancelled": .stopped
            case "Superseded": .superseded
            default: .queued
            }
        }

        /// The OpsDeck model; `stage` is the stage the execution is at, from `PipelineState`.
        public func pipelineRun(accountId: String, region: String, stage: String? = nil) -> PipelineRun {
            let finished = runStatus == .inProgress || runStatus == .queued ? nil : lastUpdateTime
            return PipelineRun(
                id: executionId, kind: .codePipeline, accountId: accountId, region: region,
                name: pipelineName,
                status: runStatus, stage: stage, trigger: triggerLabel, commit: sourceRevision,
                startedAt: startTime ?? lastUpdateTime ?? Date(timeIntervalSince1970: 0),
                finishedAt: finished,
                url: "https://\(region).console.aws.amazon.com/codesuite/codepipeline/pipelines/"
                    + "\(pipelineName)/executions/\(executionId)/timeline?region=\(region)")
        }
    }

    /// The stages of a pipeline and the execution each last ran.
    public struct PipelineState: Sendable, Hashable {
        /// One stage.
        public struct Stage: Sendable, Hashable {
            public var name: String
            public var executionId: String?
            /// `InProgress`, `Failed`, `Stopped`, `Stopping`, `Succeeded`, `Cancelled`.
            public var status: String?

            /// Creates a stage.
            public init(name: String, executionId: String?, status: String?) {
                self.name = name
                self.executionId = executionId
                self.status = status
            }
        }

        public var pipelineName: String
        /// In pipeline order.
        public var stages: [Stage]

        /// Creates a state.
        public init(pipelineName: String, stages: [Stage]) {
            self.pipelineName = pipelineName
            self.stages = stages
        }

        /// The stage an execution is at: the last stage that ran it.
        public func currentStage(executionId: String) -> String? {
            stages.last { $0.executionId == executionId }?.name
        }

        /// The stage worth showing for `execution`: where a running one is, where a failed
        /// or stopped one ended. Nil when the state no longer shows it there (a newer
        /// execution has run that stage since) or when it succeeded.
        public func stage(of execution: PipelineExecution) -> String? {
            switch execution.runStatus {
            case .inProgress, .queued:
                return currentStage(executionId: execution.executionId)
            case .failed, .stopped:
                let ended: Set<String> = ["Failed", "Stopped", "Stopping", "Cancelled"]
                return stages.last { stage in
                    stage.executionId == execution.executionId && stage.status.map(ended.contains) == true
                }?.name
            case .succeeded, .superseded:
                return nil
            }
        }
    }
}
