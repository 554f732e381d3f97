import AWSSigV4
import Foundation
import Testing

@Suite(.enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"))
struct FixtureServerTests {
    /// The sample data's first key (account 111111111111).
    private static let sampleKey = AWSCredentials(
        accessKeyId: "AKIAFIXTURE000000001", secretAccessKey: "fixture-secret-one")

    @Test func answersEveryEndpointInItsDocumentedShape() async throws {
        try await withFixtureServer { server in
            let scratch = try ScratchDirectory(prefix: "check-fixture")
            defer { scratch.remove() }
            let report = try await CheckReport.run(
                "check_fixture.py", [server.endpoint.absoluteString, FixtureServer.sampleData.path],
                scratch: scratch)
            for failure in report.failures {
                Issue.record("check_fixture.py: \(failure.name): \(failure.detail)")
            }
            #expect(report.ok)
            for name in [
                "ListPipelineExecutions pages", "pipeline state in the documented shape",
                "composite alarms in the documented shape", "anomalies in the documented shape",
                "forecast in the documented shape", "GitHub Link pages", "wrong secret",
            ] {
                #expect(report.names.contains(name), "missing check \(name)")
            }
        }
    }

    @Test func refusesRequestsWithoutSigV4InTheAWSJSONErrorFormat() async throws {
        try await withFixtureServer { server in
            let unsigned = try await LoopbackHTTP.send(
                "POST", server.endpoint,
                headers: [
                    .init(name: "X-Amz-Target", value: "CodePipeline_20150709.ListPipelines"),
                    .init(name: "Content-Type", value: "application/x-amz-json-1.1"),
                ], body: Data("{}".utf8))
            #expect(unsigned.status == 403)
            #expect(unsigned.header("x-amzn-ErrorType") == "MissingAuthenticationTokenException")
            let error = try unsigned.decode([String: String].self)
            #expect(error["__type"] == "MissingAuthenticationTokenException")
            #expect(error["message"] == "Missing Authentication Token")
        }
    }

    @Test func checksSignaturesMadeByThisPackagesSigner() async throws {
        try await withFixtureServer { server in
            let good = try await LoopbackHTTP.sendJSON(
                server.endpoint, service: "codepipeline", credentials: Self.sampleKey,
                target: "CodePipeline_20150709.GetPipelineState", body: #"{"name":"payments-api-deploy"}"#)
            #expect(good.status == 200)
            struct State: Decodable {
                struct Stage: Decodable { let stageName: String }
                let pipelineName: String
                let stageStates: [Stage]
            }
            let state = try good.decode(State.self)
            #expect(state.pipelineName == "payments-api-deploy")
            #expect(state.stageStates.map(\.stageName) == ["Source", "Build", "Deploy"])

            var wrong = Self.sampleKey
            wrong.secretAccessKey = "not-the-secret"
            let refused = try await LoopbackHTTP.sendJSON(
                server.endpoint, service: "codepipeline", credentials: wrong,
                target: "CodePipeline_20150709.GetPipelineState", body: #"{"name":"payments-api-deploy"}"#)
            #expect(refused.status == 403)
            #expect(refused.header("x-amzn-ErrorType") == "InvalidSignatureException")

            let seen = try await server.requests()
            #expect(seen.map(\.status) == [200, 403])
            #expect(seen.first?.signatureChecked == true)
            #expect(seen.first?.accountId == "111111111111")
        }
    }

    @Test func pagesGitHubRunsWithTheLinkHeader() async throws {
        try await withFixtureServer { server in
            let first = try await LoopbackHTTP.send(
                "GET",
                try LoopbackHTTP.url(
                    port: server.endpoint.port ?? 0,
                    path: "/repos/opsdeck-example/payments-api/actions/runs?per_page=2"),
                headers: [.init(name: "Authorization", value: "Bearer fixture-github-token")])
            #expect(first.status == 200)
            let link = try #require(first.header("Link"))
            #expect(link.contains(#"per_page=2&page=2>; rel="next""#))
            #expect(link.contains(#"per_page=2&page=4>; rel="last""#))
            struct Runs: Decodable {
                struct Run: Decodable { let id: Int }
                let total_count: Int
                let workflow_runs: [Run]
            }
            let runs = try first.decode(Runs.self)
            #expect(runs.total_count == 7)
            #expect(runs.workflow_runs.count == 2)
        }
    }

    @Test func servesDataTheTestReplaces() async throws {
        try await withFixtureServer { server in
            let data = #"{"codepipeline": {"default": {"pipelines": {"only-one": {}}}}}"#
            try await server.replaceData(Data(data.utf8))
            let listed = try await LoopbackHTTP.sendJSON(
                server.endpoint, service: "codepipeline",
                credentials: AWSCredentials(accessKeyId: "AKIAANYKEY0000000000", secretAccessKey: "x"),
                target: "CodePipeline_20150709.ListPipelines", body: "{}")
            #expect(listed.status == 200)
            #expect(listed.text.contains(#""name": "only-one""#))
        }
    }
}
