import Foundation

/// The JSON 1.1 shapes of the ECS operations this client uses.
enum ECSWire {
    struct PageInput: Encodable {
        var nextToken: String?
    }

    struct ListClustersOutput: Decodable {
        var clusterArns: [String]?
        var nextToken: String?
    }

    struct ListServicesInput: Encodable {
        var cluster: String
        var nextToken: String?
    }

    struct ListServicesOutput: Decodable {
        var serviceArns: [String]?
        var nextToken: String?
    }

    struct DescribeServicesInput: Encodable {
        var cluster: String
        var services: [String]
    }

    struct DeploymentShape: Decodable {
        var id: String
        var status: String?
        var taskDefinition: String?
        var desiredCount: Int?
        var runningCount: Int?
        var pendingCount: Int?
        var failedTasks: Int?
        var rolloutState: String?
        var rolloutStateReason: String?
        var createdAt: Date?
        var updatedAt: Date?

        var model: ECSClient.Deployment {
            ECSClient.Deployment(
                id: id, status: status ?? "", taskDefinition: taskDefinition, desiredCount: desiredCount ?? 0,
                runningCount: runningCount ?? 0, pendingCount: pendingCount ?? 0,
                failedTasks: failedTasks ?? 0,
                rolloutState: rolloutState, rolloutStateReason: rolloutStateReason, createdAt: createdAt,
                updatedAt: updatedAt)
        }
    }

    struct ServiceShape: Decodable {
        var serviceArn: String
        var serviceName: String?
        var clusterArn: String?
        var status: String?
        var desiredCount: Int?
        var runningCount: Int?
        var pendingCount: Int?
        var deployments: [DeploymentShape]?

        var model: ECSClient.Service {
            ECSClient.Service(
                arn: serviceArn,
                name: serviceName ?? String(serviceArn.split(separator: "/").last ?? Substring(serviceArn)),
                clusterArn: clusterArn, status: status ?? "", desiredCount: desiredCount ?? 0,
                runningCount: runningCount ?? 0, pendingCount: pendingCount ?? 0,
                deployments: (deployments ?? []).map(\.model))
        }
    }

    struct DescribeServicesOutput: Decodable {
        var services: [ServiceShape]?
    }
}
