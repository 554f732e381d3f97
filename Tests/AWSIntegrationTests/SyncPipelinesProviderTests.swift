import AWSClient
import AWSSigV4
import Foundation
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Testing

/// PipelinesProvider's CodePipeline part on a scripted transport: which calls it makes
/// and what it does when an emulator lacks the executions call.
struct SyncPipelinesProviderTests {
    typealias Script = SyncPipelinesGitHubTests.Script

    static func json(_ body: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "application/x-amz-json-1.1")], body: Data(body.utf8))
    }

    static func core(_ transport: Script) -> AWSClientCore {
        AWSClientCore(
            region: "eu-west-1",
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-unused"), source: "test"),
            transport: transport,
            endpoints: AWSEndpointResolver(explicitURL: "http://127.0.0.1:9"), retryPolicy: .none)
    }

    static func targets(_ script: Script) -> [String] {
        script.requests.compactMap { request in
            request.headers.first { $0.name.lowercased() == "x-amz-target" }?.value
        }
    }

    static let noBuildsNoClusters = [json(#"{"projects":[]}"#), json(#"{"clusterArns":[]}"#)]

    @Test func stateIsAskedOnlyForPipelinesWithARunningOrFailedExecution() async throws {
        let script = Script(
            [
                Self.json(#"{"pipelines":[{"name":"green"},{"name":"busy"}]}"#),
                Self.json(
                    #"{"pipelineExecutionSummaries":[{"pipelineExecutionId":"g1","status":"Succeeded","#
                        + #""startTime":1795161600,"lastUpdateTime":1795162000}]}"#),
                Self.json(
                    #"{"pipelineExecutionSummaries":[{"pipelineExecutionId":"b2","status":"InProgress","#
                        + #""startTime":1795165200,"lastUpdateTime":1795165300,"#
                        + #""trigger":{"triggerType":"StartPipelineExecution","#
                        + #""triggerDetail":"arn:aws:iam::333333333333:user/dana"}},"#
                        + #"{"pipelineExecutionId":"b1","status":"Succeeded","startTime":1795160000,"#
                        + #""lastUpdateTime":1795160500}]}"#),
                Self.json(
                    #"{"pipelineName":"busy","stageStates":[{"stageName":"Source","latestExecution":"#
                        + #"{"pipelineExecutionId":"b2","status":"Succeeded"}},{"stageName":"Deploy","#
                        + #""latestExecution":{"pipelineExecutionId":"b2","status":"InProgress"}}]}"#),
            ] + Self.noBuildsNoClusters)
        let runs = try await PipelinesProvider(core: Self.core(script), executionsPerPipeline: 3)
            .fetch(accountId: "333333333333")
        #expect(
            Self.targets(script) == [
                "CodePipeline_20150709.ListPipelines", "CodePipeline_20150709.ListPipelineExecutions",
                "CodePipeline_20150709.ListPipelineExecutions", "CodePipeline_20150709.GetPipelineState",
                "CodeBuild_20161006.ListProjects", "AmazonEC2ContainerServiceV20141113.ListClusters",
            ])
        #expect(script.requests[1].body == Data(#"{"maxResults":3,"pipelineName":"green"}"#.utf8))
        let busy = try #require(runs.first { $0.id == "b2" })
        #expect(busy.stage == "Deploy")
        #expect(busy.trigger == "StartPipelineExecution by dana")
        #expect(busy.accountId == "333333333333" && busy.region == "eu-west-1")
        #expect(runs.map(\.id) == ["g1", "b2", "b1"])
        #expect(runs.first { $0.id == "b1" }?.stage == nil)
    }

    @Test func anEmulatorWithoutExecutionsStillGivesTheOtherRuns() async throws {
        let html = HTTPResponse(
            status: 500, headers: [("Content-Type", "text/html")],
            body: Data("<!doctype html><html><title>500 Internal Server Error</title></html>".utf8))
        let script = Script(
            [Self.json(#"{"pipelines":[{"name":"web"},{"name":"api"}]}"#), html] + Self.noBuildsNoClusters)
        let runs = try await PipelinesProvider(core: Self.core(script)).fetch(accountId: "333333333333")
        #expect(runs.isEmpty)
        #expect(
            Self.targets(script) == [
                "CodePipeline_20150709.ListPipelines", "CodePipeline_20150709.ListPipelineExecutions",
                "CodeBuild_20161006.ListProjects", "AmazonEC2ContainerServiceV20141113.ListClusters",
            ])
    }
}
