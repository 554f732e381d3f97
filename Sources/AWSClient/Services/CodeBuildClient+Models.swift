import Foundation
import OpsDeckCore

extension CodeBuildClient {
    /// One build.
    public struct Build: Sendable, Hashable {
        /// `project:uuid`.
        public var id: String
        public var arn: String?
        public var buildNumber: Int?
        public var projectName: String
        /// `SUCCEEDED`, `FAILED`, `FAULT`, `TIMED_OUT`, `IN_PROGRESS`, `STOPPED`.
        public var buildStatus: String
        /// `SUBMITTED`, `PROVISIONING`, `BUILD`, ..., `COMPLETED`.
        public var currentPhase: String?
        public var startTime: Date?
        public var endTime: Date?
        public var sourceVersion: String?
        public var resolvedSourceVersion: String?
        /// Who or what started it (`codepipeline/deploy`, a user name).
        public var initiator: String?
        /// The CloudWatch Logs console link.
        public var logsDeepLink: String?

        /// Creates a build.
        public init(
            id: String, arn: String? = nil, buildNumber: Int? = nil, projectName: String, buildStatus: String,
            currentPhase: String? = nil, startTime: Date? = nil, endTime: Date? = nil,
            sourceVersion: String? = nil, resolvedSourceVersion: String? = nil, initiator: String? = nil,
            logsDeepLink: String? = nil
        ) {
            self.id = id
            self.arn = arn
            self.buildNumber = buildNumber
            self.projectName = projectName
            self.buildStatus = buildStatus
            self.currentPhase = currentPhase
            self.startTime = startTime
            self.endTime = endTime
            self.sourceVersion = sourceVersion
            self.resolvedSourceVersion = resolvedSourceVersion
            self.initiator = initiator
            self.logsDeepLink = logsDeepLink
        }

        /// The status in OpsDeck's terms.
        public var runStatus: PipelineRun.Status {
            switch buildStatus {
            case "SUCCEEDED": .succeeded
            case "FAILED", "FAULT", "TIMED_OUT": .failed
            case "IN_PROGRESS": .inProgress
            case "STOPPED": .stopped
            default: .queued
            }
        }

        /// The OpsDeck model; the account and region come from the ARN when it has them.
        public func pipelineRun(accountId: String, region: String) -> PipelineRun {
            let account = arn.flatMap(AWSARN.accountId(of:)) ?? accountId
            let buildRegion = arn.flatMap(AWSARN.region(of:)) ?? region
            return PipelineRun(
                id: id, kind: .codeBuild, accountId: account, region: buildRegion, name: projectName,
                status: runStatus, stage: runStatus == .inProgress ? currentPhase : nil, trigger: initiator,
                commit: resolvedSourceVersion ?? sourceVersion,
                startedAt: startTime ?? Date(timeIntervalSince1970: 0),
                finishedAt: runStatus == .inProgress ? nil : endTime, url: logsDeepLink)
        }
    }
}
