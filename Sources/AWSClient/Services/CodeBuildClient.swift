import Foundation
import OpsDeckCore

/// AWS CodeBuild: projects and their builds.
public struct CodeBuildClient: Sendable {
    /// `BatchGetBuilds` takes at most this many ids per call.
    public static let batchGetLimit = 100

    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// The names of every project in the region.
    /// - Throws: `AWSClientError`.
    public func listProjects() async throws(AWSClientError) -> [String] {
        let operation = "ListProjects"
        return try await Paginator(context: core.context(.codeBuild, operation: operation)).collect {
            token throws(AWSClientError) in
            let page = try await core.json(
                .codeBuild, operation: operation, input: CodeBuildWire.PageInput(nextToken: token),
                output: CodeBuildWire.ListProjectsOutput.self)
            return (page.projects ?? [], page.nextToken)
        }
    }

    /// The build ids of a project, newest first.
    /// - Parameter limit: stop after this many (nil: every page).
    /// - Throws: `AWSClientError`.
    public func listBuildsForProject(
        projectName: String, limit: Int? = nil
    ) async throws(AWSClientError) -> [String] {
        let operation = "ListBuildsForProject"
        return try await Paginator(context: core.context(.codeBuild, operation: operation)).collect(
            limit: limit
        ) {
            token throws(AWSClientError) in
            let page = try await core.json(
                .codeBuild, operation: operation,
                input: CodeBuildWire.ListBuildsInput(
                    projectName: projectName, sortOrder: "DESCENDING", nextToken: token),
                output: CodeBuildWire.ListBuildsOutput.self)
            return (page.ids ?? [], page.nextToken)
        }
    }

    /// The builds with these ids, fetched 100 at a time; unknown ids are left out.
    /// - Throws: `AWSClientError`.
    public func batchGetBuilds(ids: [String]) async throws(AWSClientError) -> [Build] {
        var builds: [Build] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + Self.batchGetLimit)])
            let output = try await core.json(
                .codeBuild, operation: "BatchGetBuilds", input: CodeBuildWire.BatchGetBuildsInput(ids: chunk),
                output: CodeBuildWire.BatchGetBuildsOutput.self)
            builds += (output.builds ?? []).map(\.model)
            start += Self.batchGetLimit
        }
        return builds
    }
}
