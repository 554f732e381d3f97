import AWSSigV4
import Foundation
import Testing

@Suite(.enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"))
struct FaultProxyTests {
    private static let sampleKey = AWSCredentials(
        accessKeyId: "AKIAFIXTURE000000001", secretAccessKey: "fixture-secret-one")
    private static let otherKey = AWSCredentials(
        accessKeyId: "AKIAFIXTURE000000002", secretAccessKey: "fixture-secret-two")

    @Test func failsOneAccountWhileTheOthersPassInFrontOfSeededMoto() async throws {
        try await withSeededOrganization { moto, organization in
            try await withFaultProxy(upstream: moto.endpoint) { proxy in
                let scratch = try ScratchDirectory(prefix: "check-proxy")
                defer { scratch.remove() }
                let report = try await CheckReport.run(
                    "check_proxy.py",
                    [proxy.endpoint.absoluteString, try organization.writeManifest(into: scratch).path],
                    scratch: scratch)
                for failure in report.failures {
                    Issue.record("check_proxy.py: \(failure.name): \(failure.detail)")
                }
                #expect(report.ok)
                #expect(report.names.contains("throttled account, JSON protocol"))
                #expect(report.names.contains("other account passes"))
            }
        }
    }

    @Test func injectsEachFaultKindOnTheWire() async throws {
        try await withFixtureServer { fixture in
            let rules = FaultRules(
                accounts: [Self.otherKey.accessKeyId: "222222222222"],
                rules: [
                    .init(
                        id: "json-throttle", match: .init(target: "CodePipeline_20150709.ListPipelines"),
                        fault: .throttle),
                    .init(id: "query-throttle", match: .init(action: "ListRoles"), fault: .throttle),
                    .init(id: "account-500", match: .init(account: "222222222222"), fault: .error, times: 2),
                    .init(id: "reset", match: .init(action: "GetPipelineState"), fault: .reset),
                    .init(id: "close", match: .init(action: "GetPipelineState"), fault: .close),
                    .init(
                        id: "slow", match: .init(action: "ListPipelineExecutions"), fault: .delay, delayMs: 50
                    ),
                    .init(id: "github-limit", match: .init(pathPrefix: "/repos/"), fault: .throttle),
                ])
            try await withFaultProxy(upstream: fixture.endpoint, rules: rules) { proxy in
                try await exercise(proxy)
            }
        }
    }

    private func exercise(_ proxy: FaultProxy) async throws {
        let listPipelines = "CodePipeline_20150709.ListPipelines"
        let throttled = try await LoopbackHTTP.sendJSON(
            proxy.endpoint, service: "codepipeline", credentials: Self.sampleKey, target: listPipelines,
            body: "{}")
        #expect(throttled.status == 400)
        #expect(throttled.header("x-amzn-ErrorType") == "ThrottlingException")
        #expect(
            try throttled.decode([String: String].self) == [
                "__type": "ThrottlingException", "message": "Rate exceeded",
            ])
        let passed = try await LoopbackHTTP.sendJSON(
            proxy.endpoint, service: "codepipeline", credentials: Self.sampleKey, target: listPipelines,
            body: "{}")
        #expect(passed.status == 200, "the rule allowed one injection only")

        let query = try await LoopbackHTTP.sendQuery(
            proxy.endpoint, service: "iam", credentials: Self.sampleKey,
            parameters: [("Action", "ListRoles"), ("Version", "2010-05-08")])
        #expect(query.status == 400)
        #expect(query.text.contains("<Code>Throttling</Code>"))
        #expect(query.text.contains("<Message>Rate exceeded</Message>"))

        // One account fails, twice; the other key is untouched.
        for _ in 0..<2 {
            let failed = try await LoopbackHTTP.sendJSON(
                proxy.endpoint, service: "codepipeline", credentials: Self.otherKey, target: listPipelines,
                body: "{}")
            #expect(failed.status == 500)
            #expect(failed.header("x-amzn-ErrorType") == "InternalFailure")
        }
        let recovered = try await LoopbackHTTP.sendJSON(
            proxy.endpoint, service: "codepipeline", credentials: Self.otherKey, target: listPipelines,
            body: "{}")
        #expect(recovered.status == 200)

        let state = "CodePipeline_20150709.GetPipelineState"
        let body = #"{"name":"payments-api-deploy"}"#
        await #expect(throws: LoopbackHTTP.Failure.reset) {
            try await LoopbackHTTP.sendJSON(
                proxy.endpoint, service: "codepipeline", credentials: Self.sampleKey, target: state,
                body: body)
        }
        await #expect(throws: LoopbackHTTP.Failure.closedWithoutAnswer) {
            try await LoopbackHTTP.sendJSON(
                proxy.endpoint, service: "codepipeline", credentials: Self.sampleKey, target: state,
                body: body)
        }
        let answered = try await LoopbackHTTP.sendJSON(
            proxy.endpoint, service: "codepipeline", credentials: Self.sampleKey, target: state, body: body)
        #expect(answered.status == 200)

        let delayed = try await LoopbackHTTP.sendJSON(
            proxy.endpoint, service: "codepipeline", credentials: Self.sampleKey,
            target: "CodePipeline_20150709.ListPipelineExecutions",
            body: #"{"pipelineName":"payments-api-deploy"}"#)
        #expect(delayed.status == 200, "a delay still forwards")

        let github = try await LoopbackHTTP.send(
            "GET",
            try LoopbackHTTP.url(
                port: proxy.endpoint.port ?? 0, path: "/repos/opsdeck-example/search/actions/runs"))
        #expect(github.status == 403)
        #expect(github.header("x-ratelimit-remaining") == "0")

        let stats = try await proxy.stats()
        #expect(stats.injected == ["throttle": 3, "error": 2, "reset": 1, "close": 1, "delay": 1])
        #expect(stats.requests == 11)
        #expect(stats.forwarded == 4)
        #expect(stats.rule("account-500").map { [$0.matched, $0.injected, $0.remaining] } == [3, 2, 0])
        #expect(stats.rule("reset").map { [$0.matched, $0.injected] } == [3, 1])
        let log = try await proxy.log()
        #expect(log.compactMap(\.fault).count == 8)
        #expect(log.filter { $0.account == "222222222222" }.count == 3)

        await #expect(throws: IntegrationError.self) {
            try await proxy.setRules(FaultRules(rules: [.init(id: "unbounded", fault: .throttle, times: 0)]))
        }
        let cleared = try await proxy.reset()
        #expect(cleared.requests == 0)
    }
}
