import AWSClient
import AWSSigV4
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Synchronization
import Testing

/// The refresh against the seeded moto (signature checking on), compared account by
/// account with what the seed created.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct SyncRefreshTests {
    @Test func refreshFillsTheCacheAsSeeded() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let snapshot = try await SyncHarness.run(
            endpoint: seeded.moto.endpoint, credentials: manifest.adminCredentials, manifest: manifest
        ) { refresher, _ in
            let calls = Mutex<[[Int]]>([])
            let report = await refresher.refresh(only: [.organizations, .roles, .alarms]) { done, total in
                calls.withLock { $0.append([done, total]) }
            }
            let progress = calls.withLock { $0 }
            let expectedTotal = 1 + 13 + 13 * manifest.regions.count
            #expect(progress.last == [expectedTotal, expectedTotal])
            #expect(progress.allSatisfy { $0[0] <= $0[1] })
            #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
            // 1 organization + 13 accounts' roles + 13 accounts x 2 regions' alarms.
            #expect(report.succeeded == 1 + 13 + 13 * manifest.regions.count)
        }

        let organization = try #require(snapshot.organization)
        #expect(organization.organizationId == manifest.organization.id)
        #expect(organization.managementAccountId == manifest.organization.managementAccountId)
        #expect(organization.callerARN == manifest.adminUser.arn)
        #expect(organization.regions == manifest.regions)

        let root = try #require(snapshot.units.first { $0.parentId == nil })
        #expect(root.id == manifest.organization.rootId)
        #expect(
            Set(snapshot.units.filter { $0.parentId != nil }.map(\.path))
                == Set(manifest.organizationalUnits.map { "\(root.name)/\($0.path)" }))
        #expect(snapshot.accounts.count == manifest.accounts.count)
        for expected in manifest.accounts {
            let account = try #require(
                snapshot.accounts.first { $0.id == expected.id }, "account \(expected.name) missing")
            #expect(account.name == expected.name)
            let path = [root.name, expected.ouPath].filter { !$0.isEmpty }.joined(separator: "/")
            #expect(account.ouPath == path)
            #expect(account.ouId == expected.ouId)
            #expect(account.tags == expected.tags)
            #expect(account.isManagement == expected.management)
            #expect(account.alias == expected.alias, "alias of \(expected.name)")
            // The management account's tag ("management") names no environment; nor does its path.
            let tagged = expected.tags["Environment"].flatMap(Environment.init(loose:)) ?? .unknown
            #expect(account.environment == tagged, "environment of \(expected.name)")
        }

        for member in manifest.memberAccounts {
            let expected = manifest.roles[member.id] ?? []
            let roles = snapshot.roles.filter { $0.accountId == member.id }
            #expect(Set(roles.map(\.name)) == Set(expected.map(\.name)), "roles of \(member.name)")
            for drift in manifest.roleDrift where drift.accountId == member.id {
                switch drift.kind {
                case "missing":
                    #expect(!roles.contains { $0.name == drift.role }, "\(drift.role) in \(member.name)")
                default:
                    let role = try #require(roles.first { $0.name == drift.role })
                    let seededRole = try #require(expected.first { $0.name == drift.role })
                    #expect(try Self.sameJSON(role.trustPolicy, seededRole.trustPolicy))
                }
            }
            for seededRole in expected {
                let role = try #require(roles.first { $0.name == seededRole.name })
                #expect(role.arn == seededRole.arn)
                #expect(role.path == seededRole.path)
                #expect(role.tags == seededRole.tags, "tags of \(role.arn)")
                #expect(try Self.sameJSON(role.trustPolicy, seededRole.trustPolicy), "\(role.arn)")
            }
            #expect(
                Set(roles.filter(\.isBreakGlass).map(\.name)) == ["BreakGlassAdmin"],
                "break-glass roles of \(member.name)")
        }
        // The drift the Roles pane must show is there to be seen.
        #expect(manifest.roleDrift.contains { $0.kind == "missing" })
        #expect(manifest.roleDrift.contains { $0.kind == "trust_policy" })

        struct Key: Hashable {
            let account: String
            let region: String
            let name: String
        }
        let firing = Set(
            snapshot.alarms.filter { $0.state == .alarm }.map {
                Key(account: $0.accountId, region: $0.region, name: $0.name)
            })
        let seededFiring = Set(
            manifest.alarms.filter { $0.state == "ALARM" }.map {
                Key(account: $0.accountId, region: $0.region, name: $0.name)
            })
        #expect(!seededFiring.isEmpty)
        #expect(firing == seededFiring)
        #expect(Set(snapshot.alarms.map(\.arn)) == Set(manifest.alarms.map(\.arn)))

        let succeeded = snapshot.statuses.filter { $0.lastSuccessAt != nil && $0.lastError == nil }
        #expect(succeeded.filter { $0.source == .roles }.count == manifest.accounts.count)
    }

    @Test func refreshReadsCodeBuildBuildsAndECSDeployments() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let snapshot = try await SyncHarness.run(
            endpoint: seeded.moto.endpoint, credentials: manifest.adminCredentials, manifest: manifest
        ) { refresher, _ in
            let report = await refresher.refresh(only: [.organizations, .pipelines])
            #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
            #expect(report.succeeded == 1 + 13 * manifest.regions.count)
        }
        struct Key: Hashable {
            let account: String
            let region: String
            let id: String
        }
        let builds = Set(
            snapshot.pipelineRuns.filter { $0.kind == .codeBuild }.map {
                Key(account: $0.accountId, region: $0.region, id: $0.id)
            })
        let seededBuilds = Set(
            manifest.codebuild.flatMap { project in
                project.buildIds.map { Key(account: project.accountId, region: project.region, id: $0) }
            })
        #expect(!seededBuilds.isEmpty)
        #expect(builds == seededBuilds)
        let deployed = Set(
            snapshot.pipelineRuns.filter { $0.kind == .ecsDeployment }.map {
                Key(account: $0.accountId, region: $0.region, id: $0.name)
            })
        let seededServices = Set(
            manifest.ecs.flatMap { cluster in
                cluster.services.map { Key(account: cluster.accountId, region: cluster.region, id: $0.name) }
            })
        #expect(!seededServices.isEmpty)
        #expect(deployed == seededServices)
    }

    @Test func aWrongSecretFailsOnceWithAClearMessage() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let wrong = AWSCredentials(
            accessKeyId: manifest.adminCredentials.accessKeyId, secretAccessKey: "not-the-secret-at-all")
        var report = RefreshReport()
        let snapshot = try await SyncHarness.run(
            endpoint: seeded.moto.endpoint, credentials: wrong, manifest: manifest
        ) { refresher, transport in
            report = await refresher.refresh(only: [.organizations, .roles, .alarms])
            #expect(transport.count == 1, "one attempt, not a stack of retries")
        }
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(report.succeeded == 0)
        #expect(failure.source == .organizations)
        #expect(failure.message.contains("SignatureDoesNotMatch"))
        #expect(failure.message.contains("secret key does not match"))
        #expect(failure.message.contains("profile moto-admin"))
        #expect(!failure.message.contains("not-the-secret-at-all"))
        #expect(failure.message.contains("Nothing else was refreshed"))
        let status = try #require(snapshot.statuses.first { $0.source == .organizations })
        #expect(status.lastError == failure.message)
        #expect(snapshot.accounts.isEmpty)
    }

    private static func sameJSON(_ left: String, _ right: String) throws -> Bool {
        let a = try JSONSerialization.jsonObject(with: Data(left.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(right.utf8)) as? NSDictionary
        return a != nil && a == b
    }
}

/// A refresher on a temporary cache file, talking to moto through a counting transport.
enum SyncHarness {
    /// Counts the requests that reach the wire.
    final class CountingTransport: HTTPTransport {
        let base: AsyncHTTPTransport
        private let sent = Mutex(0)
        init(base: AsyncHTTPTransport) { self.base = base }
        var count: Int { sent.withLock { $0 } }
        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            sent.withLock { $0 += 1 }
            return try await base.send(request, timeout: timeout)
        }
    }

    static func run(
        endpoint: URL, credentials: AWSCredentials, manifest: SeedManifest, memberRoleName: String? = nil,
        now: @escaping @Sendable () -> Date = { Date() },
        _ body: (Refresher, CountingTransport) async throws -> Void
    ) async throws -> OrgSnapshot {
        let scratch = try ScratchDirectory(prefix: "sync")
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("cache.sqlite").path
        let cache = try CacheDatabase.open(at: file).database
        let transport = CountingTransport(base: AsyncHTTPTransport(connectTimeout: .seconds(5)))
        let core = AWSClientCore(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(credentials, source: "seeded admin key"),
            transport: transport, endpoints: AWSEndpointResolver(explicitURL: endpoint.absoluteString),
            retryPolicy: RetryPolicy(quota: nil, sleep: { _ in }, random: { 0 }), timeout: .seconds(20),
            profile: "moto-admin")
        let refresher = Refresher(
            management: core, cache: cache,
            configuration: SyncConfiguration(
                memberRoleName: memberRoleName ?? manifest.readRoleName, regions: manifest.regions,
                profile: "moto-admin",
                maxConcurrency: 8),
            now: now)
        do {
            try await body(refresher, transport)
        } catch {
            try? await transport.base.shutdown()
            throw error
        }
        try await transport.base.shutdown()
        return try cache.snapshot(now: SeededOrganization.referenceDate)
    }
}
