import Foundation

/// One run of a delivery pipeline of any kind: a CodePipeline execution, a CodeBuild
/// build, a GitHub Actions workflow run or an ECS service deployment.
public struct PipelineRun: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case codePipeline = "codepipeline"
        case codeBuild = "codebuild"
        case githubActions = "github"
        case ecsDeployment = "ecs"

        public var label: String {
            switch self {
            case .codePipeline: "CodePipeline"
            case .codeBuild: "CodeBuild"
            case .githubActions: "GitHub"
            case .ecsDeployment: "ECS"
            }
        }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case failed
        case inProgress = "in_progress"
        case queued
        case stopped
        case superseded
        case succeeded

        /// Failures first, then what is still moving, then the rest.
        public var rank: Int {
            switch self {
            case .failed: 0
            case .inProgress: 1
            case .queued: 2
            case .stopped: 3
            case .superseded: 4
            case .succeeded: 5
            }
        }
    }

    public var id: String
    public var kind: Kind
    public var accountId: String
    public var region: String
    /// Pipeline, project, workflow or service name.
    public var name: String
    public var status: Status
    public var stage: String?
    public var trigger: String?
    public var commit: String?
    public var startedAt: Date
    public var finishedAt: Date?
    public var url: String?

    public init(
        id: String, kind: Kind, accountId: String, region: String, name: String, status: Status,
        stage: String? = nil, trigger: String? = nil, commit: String? = nil, startedAt: Date,
        finishedAt: Date? = nil, url: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.accountId = accountId
        self.region = region
        self.name = name
        self.status = status
        self.stage = stage
        self.trigger = trigger
        self.commit = commit
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.url = url
    }

    /// Elapsed time: to the finish, or to `now` while it runs.
    public func duration(now: Date) -> TimeInterval {
        max(0, (finishedAt ?? now).timeIntervalSince(startedAt))
    }
}
