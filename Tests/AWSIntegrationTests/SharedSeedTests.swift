import AWSSigV4
import Foundation
import Testing

/// The suite trait the client's integration tests can share one seeded server through.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct SharedSeedTests {
    @Test func everyTestOfTheSuiteSeesTheSameServer() async throws {
        let seeded = try SharedSeededOrganization.current
        #expect(seeded.moto.isRunning)
        #expect(seeded.organization.manifest.endpoint == seeded.moto.endpoint.absoluteString)
    }

    @Test(arguments: ["payments-prod", "search-staging"])
    func assumesTheReadRoleInAMemberAccount(_ name: String) async throws {
        let seeded = try SharedSeededOrganization.current
        let account = try #require(seeded.organization.manifest.account(named: name))
        let roleArn = "arn:aws:iam::\(account.id):role/OpsDeckReadOnly"
        let answer = try await LoopbackHTTP.sendQuery(
            seeded.moto.endpoint, service: "sts", credentials: seeded.organization.adminCredentials,
            parameters: [
                ("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", roleArn),
                ("RoleSessionName", "opsdeck-shared"),
            ])
        #expect(answer.status == 200)
        #expect(
            answer.text.contains("arn:aws:sts::\(account.id):assumed-role/OpsDeckReadOnly/opsdeck-shared"))
    }

    @Test func isAbsentOutsideTheSuite() async throws {
        let outside = await Task.detached { SharedSeededOrganization.seeded }.value
        #expect(outside == nil)
    }
}
