import Foundation
import Logging
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Synchronization
import Testing

/// The GitHub Actions client and provider on a scripted transport: decoding, mapping,
/// paging and the errors a user sees.
struct SyncPipelinesGitHubTests {
    /// Answers from a script and records the requests.
    final class Script: HTTPTransport {
        private let state: Mutex<(answers: [HTTPResponse], requests: [HTTPRequest])>
        init(_ answers: [HTTPResponse]) { state = Mutex((answers, [])) }
        var requests: [HTTPRequest] { state.withLock { $0.requests } }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            let answer = state.withLock { state -> HTTPResponse? in
                state.requests.append(request)
                return state.answers.isEmpty ? nil : state.answers.removeFirst()
            }
            guard let answer else {
                Issue.record("more requests than answers")
                throw TransportError.connectionFailed(host: "script", reason: "no more answers")
            }
            return answer
        }
    }

    static let api = URL(string: "https://api.github.test")
    static let token = GitHubToken(
        "ghp_unit_secret_0123456789", origin: "the environment variable GITHUB_TOKEN")

    static func source(limit: Int = 10, token: GitHubToken? = token) throws -> GitHubSource {
        GitHubSource(
            apiURL: try #require(api), token: token, repositories: ["acme/web"], runsPerRepository: limit)
    }

    static func client(_ script: Script, limit: Int = 10, token: GitHubToken? = token) throws
        -> GitHubActionsClient
    {
        GitHubActionsClient(
            source: try source(limit: limit, token: token), transport: script, logger: Logger(label: "test"))
    }

    static func run(
        id: Int, status: String, conclusion: String?, event: String = "push", title: String = "Fix login"
    ) -> String {
        let conclusionJSON = conclusion.map { "\"\($0)\"" } ?? "null"
        return """
            {"id":\(id),"name":"CI","display_title":"\(title)","status":"\(status)",
            "conclusion":\(conclusionJSON),"head_sha":"\(String(repeating: "a", count: 39))\(id % 10)",
            "head_branch":"main","event":"\(event)","path":".github/workflows/ci.yml","run_attempt":1,
            "run_started_at":"2026-11-20T08:00:00Z","created_at":"2026-11-20T07:59:00Z",
            "updated_at":"2026-11-20T08:07:30Z",
            "html_url":"https://github.test/acme/web/actions/runs/\(id)",
            "actor":{"login":"octo-dev","id":1},"triggering_actor":{"login":"octo-ops","id":2}}
            """
    }

    static func page(_ runs: [String], link: String? = nil) -> HTTPResponse {
        var headers = [(name: "Content-Type", value: "application/json; charset=utf-8")]
        if let link { headers.append((name: "Link", value: link)) }
        let body = #"{"total_count":\#(runs.count),"workflow_runs":[\#(runs.joined(separator: ","))]}"#
        return HTTPResponse(status: 200, headers: headers, body: Data(body.utf8))
    }

    @Test func aRunBecomesAPipelineRunInTheGitHubScope() async throws {
        let script = Script([Self.page([Self.run(id: 42, status: "completed", conclusion: "failure")])])
        let runs = try await GitHubActionsProvider(
            source: try Self.source(), transport: script, logger: Logger(label: "test")
        ).fetch()
        let run = try #require(runs.first)
        #expect(runs.count == 1)
        #expect(run.id == "42")
        #expect(run.kind == .githubActions)
        #expect(run.accountId == "github" && run.region == "global")
        #expect(run.name == "acme/web: CI")
        #expect(run.status == .failed)
        #expect(run.stage == nil)
        #expect(run.trigger == "push by octo-ops: Fix login")
        #expect(run.commit == String(repeating: "a", count: 39) + "2")
        #expect(run.startedAt == Date(timeIntervalSince1970: 1_795_161_600))
        #expect(run.finishedAt == Date(timeIntervalSince1970: 1_795_162_050))
        #expect(run.url == "https://github.test/acme/web/actions/runs/42")

        let request = try #require(script.requests.first)
        #expect(request.method == "GET")
        #expect(
            request.url.absoluteString == "https://api.github.test/repos/acme/web/actions/runs?per_page=10")
        let headers = Dictionary(request.headers.map { ($0.name.lowercased(), $0.value) }) { first, _ in first
        }
        #expect(headers["accept"] == "application/vnd.github+json")
        #expect(headers["x-github-api-version"] == "2022-11-28")
        #expect(headers["authorization"] == "Bearer ghp_unit_secret_0123456789")
        #expect(headers["user-agent"] == "opsdeck")
    }

    @Test(
        arguments: [
            ("completed", "success", PipelineRun.Status.succeeded, nil),
            ("completed", "failure", .failed, nil),
            ("completed", "timed_out", .failed, "timed_out"),
            ("completed", "startup_failure", .failed, "startup_failure"),
            ("completed", "cancelled", .stopped, nil),
            ("completed", "skipped", .superseded, "skipped"),
            ("completed", "action_required", .queued, "action_required"),
            ("in_progress", nil, .inProgress, nil),
            ("queued", nil, .queued, nil),
            ("waiting", nil, .queued, "waiting"),
        ] as [(String, String?, PipelineRun.Status, String?)])
    func statusAndConclusionMap(
        status: String, conclusion: String?, expected: PipelineRun.Status, stage: String?
    )
        throws
    {
        let data = Data(Self.run(id: 1, status: status, conclusion: conclusion).utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let run = try decoder.decode(GitHubWorkflowRun.self, from: data).pipelineRun(repository: "acme/web")
        #expect(run.status == expected)
        #expect(run.stage == stage)
        #expect((run.finishedAt == nil) == (status != "completed"))
    }

    @Test func linkHeaderParsesEveryRelation() {
        let header = GitHubLinkHeader(
            #"<https://api.github.test/repositories/1/actions/runs?per_page=2&page=1>; rel="prev", "#
                + #"<https://api.github.test/repositories/1/actions/runs?per_page=2&page=3>; rel="next", "#
                + #"<https://api.github.test/repositories/1/actions/runs?per_page=2&page=9>; rel="last""#)
        #expect(header.next == "https://api.github.test/repositories/1/actions/runs?per_page=2&page=3")
        #expect(
            header.links["last"] == "https://api.github.test/repositories/1/actions/runs?per_page=2&page=9")
        #expect(
            header.links["prev"] == "https://api.github.test/repositories/1/actions/runs?per_page=2&page=1")
        #expect(GitHubLinkHeader(nil).next == nil)
        #expect(GitHubLinkHeader("garbage").links.isEmpty)
    }

    @Test func pagesAreFollowedUntilTheLimitAndNoFurther() async throws {
        let next = "https://api.github.test/repositories/1/actions/runs?per_page=100&page=2"
        let first = (1...100).map { Self.run(id: $0, status: "completed", conclusion: "success") }
        let second = (101...200).map { Self.run(id: $0, status: "completed", conclusion: "success") }
        let script = Script([
            Self.page(first, link: #"<\#(next)>; rel="next", <\#(next)>; rel="last""#),
            Self.page(second, link: #"<https://api.github.test/x?page=3>; rel="next""#),
        ])
        let runs = try await Self.client(script).listWorkflowRuns(repository: "acme/web", limit: 150)
        #expect(runs.count == 150)
        #expect(runs.last?.id == 150)
        #expect(
            script.requests.map(\.url.absoluteString) == [
                "https://api.github.test/repos/acme/web/actions/runs?per_page=100", next,
            ])
    }

    @Test func aNextLinkToAnotherHostIsRefusedSoTheTokenStaysHome() async throws {
        let script = Script([
            Self.page(
                [Self.run(id: 1, status: "completed", conclusion: "success")],
                link: #"<https://evil.example/steal?page=2>; rel="next""#)
        ])
        await #expect(throws: GitHubError.self) {
            _ = try await Self.client(script).listWorkflowRuns(repository: "acme/web", limit: 5)
        }
        #expect(script.requests.count == 1)
    }

    @Test func badCredentialsSayWhereTheTokenCameFromAndNeverShowIt() async throws {
        let body = #"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}"#
        let script = Script([HTTPResponse(status: 401, body: Data(body.utf8))])
        let client = try Self.client(script)
        do {
            _ = try await client.listWorkflowRuns(repository: "acme/web", limit: 5)
            Issue.record("a 401 must fail")
        } catch {
            let text = error.description
            #expect(text.contains("acme/web"))
            #expect(text.contains("401 Bad credentials"))
            #expect(text.contains("the environment variable GITHUB_TOKEN"))
            #expect(!text.contains(Self.token.value))
        }
        #expect(!"\(Self.token)".contains(Self.token.value))
        #expect(!String(reflecting: Self.token).contains(Self.token.value))
    }

    @Test func anExhaustedRateLimitNamesTheResetTime() async throws {
        let body = #"{"message":"API rate limit exceeded for user ID 1."}"#
        let script = Script([
            HTTPResponse(
                status: 403,
                headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1795170000")],
                body: Data(body.utf8))
        ])
        let client = try Self.client(script)
        do {
            _ = try await client.listWorkflowRuns(repository: "acme/web", limit: 5)
            Issue.record("a 403 must fail")
        } catch {
            #expect(
                error
                    == .rateLimited(
                        repository: "acme/web", resetsAt: Date(timeIntervalSince1970: 1_795_170_000),
                        retryAfterSeconds: nil, authenticated: true))
            #expect(error.description.contains("rate limit is used up; it resets at 2026-11-20T10:20:00Z"))
        }
    }

    @Test func otherRefusalsAreToldApart() async throws {
        let cases: [(HTTPResponse, GitHubError)] = [
            (
                HTTPResponse(status: 429, headers: [("retry-after", "30")]),
                .rateLimited(
                    repository: "acme/web", resetsAt: nil, retryAfterSeconds: 30, authenticated: false)
            ),
            (
                HTTPResponse(status: 403, body: Data(#"{"message":"Resource protected by SAML"}"#.utf8)),
                .forbidden(repository: "acme/web", message: "Resource protected by SAML")
            ),
            (
                HTTPResponse(status: 404, body: Data(#"{"message":"Not Found"}"#.utf8)),
                .notFound(repository: "acme/web", apiURL: "https://api.github.test", authenticated: false)
            ),
            (
                HTTPResponse(status: 502, headers: [("x-github-request-id", "AB12")]),
                .http(repository: "acme/web", status: 502, message: "(no message)", requestId: "AB12")
            ),
        ]
        for (answer, expected) in cases {
            let script = Script([answer])
            let client = try Self.client(script, token: nil)
            do {
                _ = try await client.listWorkflowRuns(repository: "acme/web", limit: 5)
                Issue.record("HTTP \(answer.status) must fail")
            } catch {
                #expect(error == expected)
            }
            #expect(script.requests.first?.headers.contains { $0.name == "Authorization" } == false)
        }
        let anonymous = GitHubError.rateLimited(
            repository: "acme/web", resetsAt: nil, retryAfterSeconds: 30, authenticated: false)
        #expect(anonymous.description.contains("Without a token GitHub allows 60 requests an hour"))
    }
}
