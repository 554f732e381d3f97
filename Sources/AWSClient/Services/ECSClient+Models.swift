import Foundation
import OpsDeckCore

extension ECSClient {
    /// A service and its deployments.
    public struct Service: Sendable, Hashable {
        public var arn: String
        public var name: String
        public var clusterArn: String?
        /// `ACTIVE`, `DRAINING` or `INACTIVE`.
        public var status: String
        public var desiredCount: Int
        public var runningCount: Int
        public var pendingCount: Int
        /// The primary deployment first, as ECS lists them.
        public var deployments: [Deployment]

        /// Creates a service.
        public init(
            arn: String, name: String, clusterArn: String? = nil, status: String, desiredCount: Int,
            runningCount: Int, pendingCount: Int = 0, deployments: [Deployment] = []
        ) {
            self.arn = arn
            self.name = name
            self.clusterArn = clusterArn
            self.status = status
            self.desiredCount = desiredCount
            self.runningCount = runningCount
            self.pendingCount = pendingCount
            self.deployments = deployments
        }

        /// One OpsDeck run per deployment.
        public func pipelineRuns(accountId: String, region: String) -> [PipelineRun] {
            let account = AWSARN.accountId(of: arn) ?? accountId
            let serviceRegion = AWSARN.region(of: arn) ?? region
            return deployments.map { deployment in
                PipelineRun(
                    id: deployment.id, kind: .ecsDeployment, accountId: account, region: serviceRegion,
                    name: name,
                    status: deployment.runStatus,
                    stage: "\(deployment.runningCount)/\(deployment.desiredCount) running",
                    trigger: deployment.taskDefinition.map { String($0.split(separator: "/").last ?? "") },
                    startedAt: deployment.createdAt ?? Date(timeIntervalSince1970: 0),
                    finishedAt: deployment.runStatus == .inProgress ? nil : deployment.updatedAt)
            }
        }
    }

    /// A deployment of a service.
    public struct Deployment: Sendable, Hashable {
        /// `ecs-svc/...`.
        public var id: String
        /// `PRIMARY`, `ACTIVE` (being replaced) or `INACTIVE`.
        public var status: String
        public var taskDefinition: String?
        public var desiredCount: Int
        public var runningCount: Int
        public var pendingCount: Int
        public var failedTasks: Int
        /// `COMPLETED`, `FAILED` or `IN_PROGRESS`; nil without the rolling-update circuit breaker.
        public var rolloutState: String?
        public var rolloutStateReason: String?
        public var createdAt: Date?
        public var updatedAt: Date?

        /// Creates a deployment.
        public init(
            id: String, status: String, taskDefinition: String? = nil, desiredCount: Int, runningCount: Int,
            pendingCount: Int = 0, failedTasks: Int = 0, rolloutState: String? = nil,
            rolloutStateReason: String? = nil, createdAt: Date? = nil, updatedAt: Date? = nil
        ) {
            self.id = id
            self.status = status
            self.taskDefinition = taskDefinition
            self.desiredCount = desiredCount
            self.runningCount = runningCount
            self.pendingCount = pendingCount
            self.failedTasks = failedTasks
            self.rolloutState = rolloutState
            self.rolloutStateReason = rolloutStateReason
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }

        /// The status in OpsDeck's terms: the rollout state when ECS reports one; otherwise a
        /// primary deployment is done when every desired task runs, and an older one has been
        /// superseded.
        public var runStatus: PipelineRun.Status {
            switch rolloutState {
            case "COMPLETED": return status == "PRIMARY" ? .succeeded : .superseded
            case "FAILED": return .failed
            case "IN_PROGRESS": return .inProgress
            default: break
            }
            guard status == "PRIMARY" else { return .superseded }
            return runningCount >= desiredCount && pendingCount == 0 ? .succeeded : .inProgress
        }
    }
}
