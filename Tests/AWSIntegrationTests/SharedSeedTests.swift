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

    @Test func theFixtureServerKnowsMotosKeysAndMergesItsAlarms() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let prod = try #require(manifest.account(named: "payments-prod"))
        let data = """
            {"cloudwatch": {"\(prod.id)/us-east-1": {"CompositeAlarms": [
                {"AlarmName": "payments-health", "StateValue": "ALARM",
                 "AlarmRule": "ALARM(\\"payments-api-5xx\\")"}]}}}
            """
        try await withFixtureServer(data: Data(data.utf8), moto: seeded.moto.endpoint) { fixture in
            let answer = try await LoopbackHTTP.sendQuery(
                seeded.moto.endpoint, service: "sts", credentials: seeded.organization.adminCredentials,
                parameters: [
                    ("Action", "AssumeRole"), ("Version", "2011-06-15"),
                    ("RoleArn", "arn:aws:iam::\(prod.id):role/OpsDeckReadOnly"),
                    ("RoleSessionName", "opsdeck-fx"),
                ])
            let credentials = AWSCredentials(
                accessKeyId: try Self.xml("AccessKeyId", in: answer.text),
                secretAccessKey: try Self.xml("SecretAccessKey", in: answer.text),
                sessionToken: try Self.xml("SessionToken", in: answer.text))
            let alarms = try await LoopbackHTTP.sendJSON(
                fixture.endpoint, service: "monitoring", credentials: credentials,
                target: "GraniteServiceVersion20100801.DescribeAlarms", version: "1.0",
                body: #"{"AlarmTypes":["CompositeAlarm","MetricAlarm"]}"#)
            #expect(alarms.status == 200)
            struct Alarms: Decodable {
                struct Alarm: Decodable { let AlarmName: String }
                let MetricAlarms: [Alarm]
                let CompositeAlarms: [Alarm]
            }
            let decoded = try alarms.decode(Alarms.self)
            let seededHere = manifest.alarms.filter { $0.accountId == prod.id && $0.region == "us-east-1" }
            #expect(Set(decoded.MetricAlarms.map(\.AlarmName)) == Set(seededHere.map(\.name)))
            #expect(decoded.CompositeAlarms.map(\.AlarmName) == ["payments-health"])

            var forged = credentials
            forged.secretAccessKey = "not-the-secret"
            let refused = try await LoopbackHTTP.sendJSON(
                fixture.endpoint, service: "codepipeline", credentials: forged,
                target: "CodePipeline_20150709.ListPipelines", body: "{}")
            #expect(refused.status == 403)
            let seen = try await fixture.requests()
            #expect(seen.map(\.accountId) == [prod.id, prod.id])
            #expect(seen.map(\.signatureChecked) == [true, nil])
        }
    }

    private static func xml(_ tag: String, in text: String) throws -> String {
        guard let start = text.range(of: "<\(tag)>"),
            let end = text.range(of: "</\(tag)>", range: start.upperBound..<text.endIndex)
        else { throw IntegrationError.badOutput(what: "AssumeRole", detail: "no <\(tag)>") }
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test func isAbsentOutsideTheSuite() async throws {
        let outside = await Task.detached { SharedSeededOrganization.seeded }.value
        #expect(outside == nil)
    }
}
