import AWSClient
import Foundation
import OpsDeckCore
import Testing

/// CodePipeline executions as the Pipelines pane shows them: trigger, commit and stage.
struct CodePipelineMappingTests {
    typealias Execution = CodePipelineClient.PipelineExecution

    struct TriggerCase: Sendable, CustomTestStringConvertible {
        let type: String?
        let detail: String?
        let summary: String?
        let expected: String?
        var testDescription: String { expected ?? "nil" }
    }

    static let triggerCases: [TriggerCase] = [
        .init(
            type: "StartPipelineExecution", detail: "arn:aws:sts::111122223333:assumed-role/Admin/alice",
            summary: nil, expected: "StartPipelineExecution by alice"),
        .init(
            type: "StartPipelineExecution", detail: "arn:aws:iam::111122223333:user/ops/bob",
            summary: "Fix login\n\nLonger body", expected: "StartPipelineExecution by bob: Fix login"),
        .init(
            type: "Webhook", detail: "arn:aws:codestar-connections:us-east-1:111122223333:connection/abc",
            summary: #"{"ProviderType":"GitHub","CommitMessage":"Merge pull request #7\n\nfrom x"}"#,
            expected: "Webhook: Merge pull request #7"),
        .init(
            type: "CloudWatchEvent", detail: "arn:aws:events:us-east-1:111122223333:rule/nightly-release",
            summary: nil, expected: "CloudWatchEvent by nightly-release"),
        .init(type: "PollForSourceChanges", detail: nil, summary: "", expected: "PollForSourceChanges"),
        .init(type: nil, detail: nil, summary: "Only a summary", expected: "Only a summary"),
        .init(type: nil, detail: nil, summary: nil, expected: nil),
        .init(
            type: "Webhook", detail: nil, summary: String(repeating: "x", count: 100),
            expected: "Webhook: " + String(repeating: "x", count: 71) + "…"),
    ]

    @Test(arguments: triggerCases)
    func triggerNamesTheTypeWhoAndTheRevision(_ example: TriggerCase) {
        let execution = Execution(
            pipelineName: "web", executionId: "e1", status: "Succeeded", triggerType: example.type,
            triggerDetail: example.detail, sourceRevision: "4b1e8c3f", sourceRevisionSummary: example.summary)
        #expect(execution.triggerLabel == example.expected)
        let run = execution.pipelineRun(accountId: "111122223333", region: "us-east-1")
        #expect(run.trigger == example.expected)
        #expect(run.commit == "4b1e8c3f")
    }

    static let state = CodePipelineClient.PipelineState(
        pipelineName: "web",
        stages: [
            .init(name: "Source", executionId: "running", status: "Succeeded"),
            .init(name: "Build", executionId: "running", status: "InProgress"),
            .init(name: "Test", executionId: "failed-at-test", status: "Failed"),
            .init(name: "Deploy", executionId: "done", status: "Succeeded"),
        ])

    @Test(
        arguments: [
            ("running", "InProgress", "Build"),
            ("failed-at-test", "Failed", "Test"),
            // Overtaken: the state no longer shows where this one failed.
            ("old-failure", "Failed", nil),
            ("done", "Succeeded", nil),
            ("running", "Superseded", nil),
        ] as [(String, String, String?)])
    func stageIsWhereARunIsOrWhereItStopped(id: String, status: String, expected: String?) {
        let execution = Execution(pipelineName: "web", executionId: id, status: status)
        #expect(Self.state.stage(of: execution) == expected)
    }

    @Test func aLimitAsksForNoMoreThanItNeeds() async throws {
        let transport = ScriptedTransport(responses: [
            .json(
                #"{"pipelineExecutionSummaries":[{"pipelineExecutionId":"a","status":"Failed"},"#
                    + #"{"pipelineExecutionId":"b","status":"Succeeded"},"#
                    + #"{"pipelineExecutionId":"c","status":"Succeeded"}],"nextToken":"more"}"#)
        ])
        let client = CodePipelineClient(core: TestCore.make(transport))
        let executions = try await client.listPipelineExecutions(pipelineName: "web", limit: 2)
        #expect(executions.map(\.executionId) == ["a", "b"])
        #expect(transport.requests.count == 1)
        #expect(transport.requests[0].bodyText == #"{"maxResults":2,"pipelineName":"web"}"#)
        #expect(
            transport.requests[0].header("X-Amz-Target") == "CodePipeline_20150709.ListPipelineExecutions")
    }
}
