import Foundation

/// The JSON 1.1 shapes of the CodeBuild operations this client uses.
enum CodeBuildWire {
    struct PageInput: Encodable {
        var nextToken: String?
    }

    struct ListProjectsOutput: Decodable {
        var projects: [String]?
        var nextToken: String?
    }

    struct ListBuildsInput: Encodable {
        var projectName: String
        var sortOrder: String
        var nextToken: String?
    }

    struct ListBuildsOutput: Decodable {
        var ids: [String]?
        var nextToken: String?
    }

    struct BatchGetBuildsInput: Encodable {
        var ids: [String]
    }

    struct Logs: Decodable {
        var deepLink: String?
    }

    struct BuildShape: Decodable {
        var id: String
        var arn: String?
        var buildNumber: Int?
        var projectName: String?
        var buildStatus: String?
        var currentPhase: String?
        var startTime: Date?
        var endTime: Date?
        var sourceVersion: String?
        var resolvedSourceVersion: String?
        var initiator: String?
        var logs: Logs?

        var model: CodeBuildClient.Build {
            CodeBuildClient.Build(
                id: id, arn: arn, buildNumber: buildNumber,
                projectName: projectName ?? String(id.split(separator: ":").first ?? ""),
                buildStatus: buildStatus ?? "", currentPhase: currentPhase, startTime: startTime,
                endTime: endTime,
                sourceVersion: sourceVersion, resolvedSourceVersion: resolvedSourceVersion,
                initiator: initiator,
                logsDeepLink: logs?.deepLink)
        }
    }

    struct BatchGetBuildsOutput: Decodable {
        var builds: [BuildShape]?
        var buildsNotFound: [String]?
    }
}
