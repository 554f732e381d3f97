import AWSClient
import AWSSigV4
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Synchronization
import Testing

/// The parts of OpsDeckSync that need no AWS peer.
struct SyncUnitTests {
    private struct NoTransport: HTTPTransport {
        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            throw TransportError.connectionFailed(host: "nowhere", reason: "not used")
        }
    }

    private static func fanOut(maxConcurrency: Int) -> FanOut {
        let core = AWSClientCore(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "unused"), source: "test"),
            transport: NoTransport(), retryPolicy: .none)
        return FanOut(management: core, managementAccountId: "123456789012", maxConcurrency: maxConcurrency)
    }

    @Test(arguments: [1, 3, 16])
    func fanOutRunsEveryJobAndNeverMoreThanTheLimitAtOnce(limit: Int) async {
        struct Counts {
            var inFlight = 0
            var most = 0
            var done: [Int] = []
        }
        let counts = Mutex(Counts())
        await Self.fanOut(maxConcurrency: limit).run(Array(0..<40)) { job in
            counts.withLock {
                $0.inFlight += 1
                $0.most = max($0.most, $0.inFlight)
            }
            for _ in 0..<5 { await Task.yield() }
            counts.withLock {
                $0.inFlight -= 1
                $0.done.append(job)
            }
        }
        let result = counts.withLock { $0 }
        #expect(result.done.sorted() == Array(0..<40))
        #expect(result.most <= limit)
        #expect(result.most >= 1)
    }

    @Test func membersAreReadThroughTheirReadRoleAndTheManagementAccountWithItsOwnKeys() {
        let fanOut = Self.fanOut(maxConcurrency: 4)
        let readRole = "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole"
        #expect(fanOut.roleArn(for: "111122223333") == readRole)
        let member = fanOut.core(for: "111122223333", region: "eu-west-1")
        #expect(member.accountId == "111122223333")
        #expect(member.region == "eu-west-1")
        #expect(member.credentialProvider is CachingCredentialProvider)
        // One cached provider per account, shared by every source of the refresh.
        let again = fanOut.core(for: "111122223333", region: "us-east-1")
        #expect(
            (member.credentialProvider as? CachingCredentialProvider)
                === (again.credentialProvider as? CachingCredentialProvider))
        let management = fanOut.core(for: "123456789012", region: "us-west-2")
        #expect(management.credentialProvider is StaticCredentialProvider)
        #expect(management.region == "us-west-2")
    }

    @Test func breakGlassByPathOrTag() {
        func role(path: String = "/", tags: [String: String] = [:]) -> Role {
            Role(
                accountId: "1", name: "r", arn: "arn:aws:iam::1:role/r", path: path, trustPolicy: "{}",
                tags: tags)
        }
        #expect(RolesProvider.isBreakGlass(role(path: "/breakglass/")))
        #expect(RolesProvider.isBreakGlass(role(path: "/ops/BreakGlass/")))
        #expect(RolesProvider.isBreakGlass(role(tags: ["breakglass": "true"])))
        #expect(RolesProvider.isBreakGlass(role(tags: ["BreakGlass": "TRUE"])))
        #expect(!RolesProvider.isBreakGlass(role(tags: ["breakglass": "false"])))
        #expect(!RolesProvider.isBreakGlass(role(path: "/service-role/")))
    }

    @Test func aRefreshWithoutAnOrganizationSaysToRefreshItFirst() async throws {
        let cache = try CacheDatabase.inMemory()
        let refresher = Refresher(management: Self.fanOut(maxConcurrency: 1).management, cache: cache)
        let report = await refresher.refresh(only: [.roles])
        #expect(report.succeeded == 0)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.message.contains("Refresh the organizations source first"))
    }
}
