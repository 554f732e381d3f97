import AWSClient
import AWSSigV4
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Testing

/// The pipelines refresh against the seeded moto (CodeBuild, ECS; signature checking on)
/// with CodePipeline pointed at the fixture server (moto lacks its executions and state),
/// which checks each signature against moto's keys, and GitHub Actions from the same
/// fixture server.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct SyncPipelinesTests {
    static let gitHubToken = "ghp_fixture_pipelines_0123456789abcdef"
    static let sha1 = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
    static let sha2 = "b2c3d4e5f60718293a4b5c6d7e8f9012345678a1"

    /// The fields the Pipelines pane shows, to compare runs exactly.
    struct Shown: Hashable, CustomStringConvertible {
        var id, account, region, name: String
        var status: PipelineRun.Status
        var stage, trigger, commit: String?
        var started: Double
        var finished: Double?
        var url: String?

        init(_ run: PipelineRun) {
            self.init(
                run.id, run.accountId, run.region, run.name, run.status, run.stage, run.trigger, run.commit,
                run.startedAt.timeIntervalSince1970, run.finishedAt?.timeIntervalSince1970, run.url)
        }

        init(
            _ id: String, _ account: String, _ region: String, _ name: String, _ status: PipelineRun.Status,
            _ stage: String?, _ trigger: String?, _ commit: String?, _ started: Double, _ finished: Double?,
            _ url: String?
        ) {
            (self.id, self.account, self.region, self.name, self.status) = (id, account, region, name, status)
            (self.stage, self.trigger, self.commit) = (stage, trigger, commit)
            (self.started, self.finished, self.url) = (started, finished, url)
        }

        var description: String { "\(id) \(status) \(stage ?? "-") \(trigger ?? "-")" }
    }

    static func execution(
        _ id: String, _ status: String, start: Int, end: Int, trigger: [String: String],
        revision: String, summary: String?
    ) -> [String: Any] {
        var source: [String: Any] = ["actionName": "Source", "revisionId": revision]
        if let summary { source["revisionSummary"] = summary }
        return [
            "pipelineExecutionId": id, "status": status, "startTime": start, "lastUpdateTime": end,
            "sourceRevisions": [source], "trigger": trigger, "executionMode": "QUEUED",
            "executionType": "STANDARD",
        ]
    }

    static func stage(_ name: String, _ execution: String, _ status: String) -> [String: Any] {
        [
            "stageName": name, "inboundTransitionState": ["enabled": true],
            "latestExecution": ["pipelineExecutionId": execution, "status": status, "type": "STANDARD"],
        ]
    }

    static func gitHubRun(
        _ id: Int, repo: String, status: String, conclusion: String?, event: String, title: String,
        sha: String, started: String, updated: String
    ) -> [String: Any] {
        [
            "id": id, "name": "CI", "display_title": title, "status": status,
            "conclusion": conclusion as Any? ?? NSNull(), "event": event, "head_branch": "main",
            "head_sha": sha, "path": ".github/workflows/ci.yml", "run_attempt": 1, "run_number": id % 1000,
            "run_started_at": started, "created_at": started, "updated_at": updated,
            "html_url": "https://github.com/\(repo)/actions/runs/\(id)",
            "url": "https://api.github.com/repos/\(repo)/actions/runs/\(id)",
            "actor": ["login": "octo-dev", "id": 5_000_001, "type": "User"],
            "triggering_actor": ["login": "octo-dev", "id": 5_000_001, "type": "User"],
            "repository": ["full_name": repo],
        ]
    }

    /// The data the fixture server serves: pipelines in two accounts and regions, two
    /// repositories of workflow runs.
    static func fixtureData(tooling: String, payments: String, gitHub extra: [String: Any] = [:]) throws
        -> Data
    {
        let webhook = [
            "triggerType": "Webhook",
            "triggerDetail": "arn:aws:codestar-connections:us-east-1:\(tooling):connection/fixture",
        ]
        let release: [String: Any] = [
            "summary": [
                "version": 3, "pipelineType": "V2", "created": 1_794_301_200, "updated": 1_795_078_800,
            ],
            "executions": [
                execution(
                    "11111111-0000-4000-8000-000000000001", "InProgress", start: 1_795_161_600,
                    end: 1_795_162_500, trigger: webhook, revision: sha1,
                    summary: "Merge pull request #301 from opsdeck/retry\n\nDetails"),
                execution(
                    "11111111-0000-4000-8000-000000000002", "Failed", start: 1_795_158_000,
                    end: 1_795_158_900,
                    trigger: [
                        "triggerType": "StartPipelineExecution",
                        "triggerDetail": "arn:aws:sts::\(tooling):assumed-role/Admin/alice",
                    ], revision: sha2, summary: "Roll back flag"),
                execution(
                    "11111111-0000-4000-8000-000000000003", "Succeeded", start: 1_795_154_400,
                    end: 1_795_155_300,
                    trigger: [
                        "triggerType": "CloudWatchEvent",
                        "triggerDetail": "arn:aws:events:us-east-1:\(tooling):rule/nightly",
                    ], revision: sha2, summary: nil),
            ],
            "state": [
                "pipelineVersion": 3,
                "stageStates": [
                    stage("Source", "11111111-0000-4000-8000-000000000001", "Succeeded"),
                    stage("Build", "11111111-0000-4000-8000-000000000001", "InProgress"),
                    stage("Deploy", "11111111-0000-4000-8000-000000000002", "Failed"),
                ],
            ],
        ]
        let paymentsDeploy: [String: Any] = [
            "summary": [
                "version": 1, "pipelineType": "V2", "created": 1_794_301_200, "updated": 1_794_301_200,
            ],
            "executions": [
                execution(
                    "22222222-0000-4000-8000-000000000001", "Stopped", start: 1_795_150_000,
                    end: 1_795_150_600,
                    trigger: webhook, revision: sha1,
                    summary: #"{"ProviderType":"GitHub","CommitMessage":"Bump image\nmore"}"#)
            ],
            "state": ["stageStates": [stage("Approve", "22222222-0000-4000-8000-000000000001", "Stopped")]],
        ]
        var gitHub: [String: Any] = [
            "token": gitHubToken,
            "repos": [
                "opsdeck-example/payments-api": [
                    gitHubRun(
                        9_100_000_003, repo: "opsdeck-example/payments-api", status: "in_progress",
                        conclusion: nil, event: "push", title: "Change #3", sha: sha1,
                        started: "2026-11-20T09:00:00Z", updated: "2026-11-20T09:04:00Z"),
                    gitHubRun(
                        9_100_000_002, repo: "opsdeck-example/payments-api", status: "completed",
                        conclusion: "failure", event: "push", title: "Change #2", sha: sha2,
                        started: "2026-11-20T08:00:00Z", updated: "2026-11-20T08:07:00Z"),
                    gitHubRun(
                        9_100_000_001, repo: "opsdeck-example/payments-api", status: "completed",
                        conclusion: "success", event: "pull_request", title: "Add retries", sha: sha2,
                        started: "2026-11-20T07:00:00Z", updated: "2026-11-20T07:05:00Z"),
                ],
                "opsdeck-example/platform": [
                    gitHubRun(
                        9_100_000_010, repo: "opsdeck-example/platform", status: "waiting", conclusion: nil,
                        event: "workflow_dispatch", title: "Deploy prod", sha: sha1,
                        started: "2026-11-20T09:30:00Z", updated: "2026-11-20T09:30:05Z")
                ],
            ],
        ]
        gitHub.merge(extra) { _, new in new }
        let data: [String: Any] = [
            "codepipeline": [
                "\(tooling)/us-east-1": ["pipelines": ["platform-release": release]],
                "\(payments)/us-west-2": ["pipelines": ["payments-api-deploy": paymentsDeploy]],
            ],
            "github": gitHub,
        ]
        return try JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])
    }

    static func expectedCodePipelineRuns(tooling: String, payments: String) -> Set<Shown> {
        func url(_ region: String, _ pipeline: String, _ id: String) -> String {
            "https://\(region).console.aws.amazon.com/codesuite/codepipeline/pipelines/\(pipeline)/executions/"
                + "\(id)/timeline?region=\(region)"
        }
        let one = "11111111-0000-4000-8000-000000000001"
        let two = "11111111-0000-4000-8000-000000000002"
        let three = "11111111-0000-4000-8000-000000000003"
        let four = "22222222-0000-4000-8000-000000000001"
        return [
            Shown(
                one, tooling, "us-east-1", "platform-release", .inProgress, "Build",
                "Webhook: Merge pull request #301 from opsdeck/retry", sha1, 1_795_161_600, nil,
                url("us-east-1", "platform-release", one)),
            Shown(
                two, tooling, "us-east-1", "platform-release", .failed, "Deploy",
                "StartPipelineExecution by alice: Roll back flag", sha2, 1_795_158_000, 1_795_158_900,
                url("us-east-1", "platform-release", two)),
            Shown(
                three, tooling, "us-east-1", "platform-release", .succeeded, nil,
                "CloudWatchEvent by nightly",
                sha2, 1_795_154_400, 1_795_155_300, url("us-east-1", "platform-release", three)),
            Shown(
                four, payments, "us-west-2", "payments-api-deploy", .stopped, "Approve",
                "Webhook: Bump image",
                sha1, 1_795_150_000, 1_795_150_600, url("us-west-2", "payments-api-deploy", four)),
        ]
    }

    static let expectedGitHubRuns: Set<Shown> = [
        Shown(
            "9100000003", "github", "global", "opsdeck-example/payments-api: CI", .inProgress, nil,
            "push by octo-dev: Change #3", sha1, 1_795_165_200, nil,
            "https://github.com/opsdeck-example/payments-api/actions/runs/9100000003"),
        Shown(
            "9100000002", "github", "global", "opsdeck-example/payments-api: CI", .failed, nil,
            "push by octo-dev: Change #2", sha2, 1_795_161_600, 1_795_162_020,
            "https://github.com/opsdeck-example/payments-api/actions/runs/9100000002"),
        Shown(
            "9100000001", "github", "global", "opsdeck-example/payments-api: CI", .succeeded, nil,
            "pull_request by octo-dev: Add retries", sha2, 1_795_158_000, 1_795_158_300,
            "https://github.com/opsdeck-example/payments-api/actions/runs/9100000001"),
        Shown(
            "9100000010", "github", "global", "opsdeck-example/platform: CI", .queued, "waiting",
            "workflow_dispatch by octo-dev: Deploy prod", sha1, 1_795_167_000, nil,
            "https://github.com/opsdeck-example/platform/actions/runs/9100000010"),
    ]

    /// A refresher on a scratch cache: AWS at moto, CodePipeline at the fixture server
    /// (by its own endpoint variable, as a user would point one service elsewhere), GitHub
    /// at the fixture server.
    static func withRefresher(
        moto: URL, fixture: URL, credentials: AWSCredentials, manifest: SeedManifest?,
        token: String = gitHubToken,
        _ body: (Refresher, CacheDatabase) async throws -> Void
    ) async throws {
        let scratch = try ScratchDirectory(prefix: "sync-pipelines")
        defer { scratch.remove() }
        let cache = try CacheDatabase.open(at: scratch.url.appendingPathComponent("cache.sqlite").path)
            .database
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let endpoints = AWSEndpointResolver(environment: [
            "AWS_ENDPOINT_URL": moto.absoluteString,
            AWSEndpointResolver.environmentVariable(for: .codePipeline): fixture.absoluteString,
        ])
        let core = AWSClientCore(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(credentials, source: "seeded admin key"),
            transport: transport, endpoints: endpoints,
            retryPolicy: RetryPolicy(quota: nil, sleep: { _ in }, random: { 0 }), timeout: .seconds(20),
            profile: "moto-admin")
        var configuration = SyncConfiguration(
            memberRoleName: manifest?.readRoleName ?? "OrganizationAccountAccessRole",
            regions: manifest?.regions ?? ["us-east-1"], profile: "moto-admin", maxConcurrency: 8)
        configuration.executionsPerPipeline = 5
        configuration.gitHub = GitHubSource(
            apiURL: fixture, token: GitHubToken(token, origin: "the environment variable GITHUB_TOKEN"),
            repositories: ["opsdeck-example/payments-api", "opsdeck-example/platform"], runsPerRepository: 10)
        let refresher = Refresher(management: core, cache: cache, configuration: configuration)
        do {
            try await body(refresher, cache)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    /// What the fixture server logged, with the GitHub header notes.
    struct LoggedRequest: Decodable {
        let path: String
        let target: String?
        let status: Int?
        let service: String?
        let region: String?
        let signatureChecked: Bool?
        let accountId: String?
        let accept: String?
        let apiVersion: String?
        let authScheme: String?

        enum CodingKeys: String, CodingKey {
            case path, target, status, service, region, accept
            case signatureChecked = "signature_checked"
            case accountId = "account_id"
            case apiVersion = "api_version"
            case authScheme = "auth_scheme"
        }
    }

    static func logged(_ fixture: FixtureServer) async throws -> [LoggedRequest] {
        struct Log: Decodable { let requests: [LoggedRequest] }
        let url = fixture.endpoint.appendingPathComponent("_fixture/requests")
        return try await LoopbackHTTP.send("GET", url).decode(Log.self).requests
    }

    @Test func refreshFillsCodePipelineAndGitHubRunsAsTheFixtureDefines() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let tooling = try #require(manifest.account(named: "shared-tooling")).id
        let payments = try #require(manifest.account(named: "payments-prod")).id
        let data = try Self.fixtureData(tooling: tooling, payments: payments)
        try await withFixtureServer(data: data, moto: seeded.moto.endpoint) { fixture in
            try await Self.withRefresher(
                moto: seeded.moto.endpoint, fixture: fixture.endpoint, credentials: manifest.adminCredentials,
                manifest: manifest
            ) { refresher, cache in
                let report = await refresher.refresh(only: [.organizations, .pipelines])
                #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
                // The organization, every account x region, and GitHub.
                #expect(report.succeeded == 1 + manifest.accounts.count * manifest.regions.count + 1)

                let snapshot = try cache.snapshot(now: SeededOrganization.referenceDate)
                let codePipeline = Set(
                    snapshot.pipelineRuns.filter { $0.kind == .codePipeline }.map(Shown.init))
                #expect(codePipeline == Self.expectedCodePipelineRuns(tooling: tooling, payments: payments))
                let gitHub = Set(snapshot.pipelineRuns.filter { $0.kind == .githubActions }.map(Shown.init))
                #expect(gitHub == Self.expectedGitHubRuns)
                // CodeBuild and ECS still come from moto beside them.
                #expect(snapshot.pipelineRuns.contains { $0.kind == .codeBuild })
                #expect(snapshot.pipelineRuns.contains { $0.kind == .ecsDeployment })
                let status = try #require(
                    snapshot.statuses.first { $0.source == .pipelines && $0.accountId == "github" })
                #expect(status.region == "global" && status.lastError == nil && status.lastSuccessAt != nil)
            }
            let requests = try await Self.logged(fixture)
            let aws = requests.filter { $0.target?.hasPrefix("CodePipeline_20150709.") == true }
            // Every account and region lists pipelines; the two with pipelines read them.
            #expect(aws.count >= manifest.accounts.count * manifest.regions.count)
            #expect(
                aws.allSatisfy {
                    $0.signatureChecked == true && $0.status == 200 && $0.service == "codepipeline"
                })
            #expect(aws.filter { $0.target == "CodePipeline_20150709.GetPipelineState" }.count == 2)
            let listed = aws.compactMap { request in
                request.target == "CodePipeline_20150709.ListPipelineExecutions" ? request.accountId : nil
            }
            #expect(listed.count == 2)
            #expect(Set(listed) == [tooling, payments])
            let gitHub = requests.filter { $0.target == "github.list_workflow_runs" }
            #expect(gitHub.count == 2)
            #expect(
                gitHub.allSatisfy {
                    $0.accept == "application/vnd.github+json" && $0.apiVersion == "2022-11-28"
                        && $0.authScheme == "Bearer" && $0.status == 200 && $0.path.hasSuffix("per_page=10")
                })
        }
    }
}

/// GitHub failures through the refresh: what the report and the cache's source status
/// say. Only the fixture server is needed (the cache has no accounts, so no AWS call
/// is made).
@Suite(.enabled(if: PythonPeers.isAvailable, "needs python3"))
struct SyncPipelinesGitHubFailureTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIAFIXTURE000000001", secretAccessKey: "unused")

    @Test func aWrongTokenSaysSoAndWhereItCameFrom() async throws {
        let data = try SyncPipelinesTests.fixtureData(tooling: "111111111111", payments: "222222222222")
        try await withFixtureServer(data: data) { fixture in
            try await SyncPipelinesTests.withRefresher(
                moto: fixture.endpoint, fixture: fixture.endpoint, credentials: Self.credentials,
                manifest: nil,
                token: "ghp_wrong_token_value_0000"
            ) { refresher, cache in
                let report = await refresher.refresh(only: [.pipelines])
                let failure = try #require(report.failures.first { $0.accountId == "github" })
                #expect(failure.source == .pipelines && failure.region == "global")
                #expect(failure.message.contains("opsdeck-example/payments-api"))
                #expect(failure.message.contains("401 Bad credentials"))
                #expect(failure.message.contains("the environment variable GITHUB_TOKEN"))
                #expect(!failure.message.contains("ghp_wrong_token_value_0000"))
                let snapshot = try cache.snapshot(now: Date())
                let status = try #require(snapshot.statuses.first { $0.accountId == "github" })
                #expect(status.lastError == failure.message)
                #expect(snapshot.pipelineRuns.isEmpty)
            }
        }
    }

    @Test func anExhaustedRateLimitKeepsTheLastRunsAndNamesTheReset() async throws {
        let good = try SyncPipelinesTests.fixtureData(tooling: "111111111111", payments: "222222222222")
        let limited = try SyncPipelinesTests.fixtureData(
            tooling: "111111111111", payments: "222222222222",
            gitHub: ["rate_limit": ["status": 403, "reset": 1_795_170_000]])
        try await withFixtureServer(data: good) { fixture in
            try await SyncPipelinesTests.withRefresher(
                moto: fixture.endpoint, fixture: fixture.endpoint, credentials: Self.credentials,
                manifest: nil
            ) { refresher, cache in
                _ = await refresher.refresh(only: [.pipelines])
                let before = try cache.snapshot(now: Date()).pipelineRuns
                #expect(
                    Set(before.map(SyncPipelinesTests.Shown.init)) == SyncPipelinesTests.expectedGitHubRuns)

                try await fixture.replaceData(limited)
                let report = await refresher.refresh(only: [.pipelines])
                let failure = try #require(report.failures.first { $0.accountId == "github" })
                #expect(failure.message.contains("rate limit is used up; it resets at 2026-11-20T10:20:00Z"))
                let snapshot = try cache.snapshot(now: Date())
                #expect(snapshot.pipelineRuns.count == before.count)
                let status = try #require(snapshot.statuses.first { $0.accountId == "github" })
                #expect(status.lastError == failure.message)
                #expect(status.lastSuccessAt != nil)
            }
        }
    }
}
