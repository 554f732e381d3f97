import AWSSigV4
import Foundation
import Testing

@Suite(.enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"))
struct SeedTests {
    /// The Cost Explorer request shapes the client is to send, written the way Swift's
    /// JSONEncoder writes them: the seeded bodies must be exactly these bytes.
    private struct CostQuery: Encodable {
        struct Group: Encodable {
            let Key: String
            let `Type` = "DIMENSION"
        }
        struct Period: Encodable {
            let Start: String
            let End: String
        }
        let Granularity: String
        let GroupBy: [Group]
        let Metrics = ["UnblendedCost"]
        let NextPageToken: String?
        let TimePeriod: Period
    }

    private static func body(
        _ granularity: String, _ dimension: String, _ start: String, token: String? = nil
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let query = CostQuery(
            Granularity: granularity, GroupBy: [.init(Key: dimension)], NextPageToken: token,
            TimePeriod: .init(Start: start, End: SeededOrganization.referenceToday))
        return String(decoding: try encoder.encode(query), as: UTF8.self)
    }

    @Test func seedsTheOrganizationAndBoto3ReadsItBack() async throws {
        try await withSeededOrganization { moto, organization in
            let manifest = organization.manifest
            #expect(manifest.schema == 1)
            #expect(manifest.organization.managementAccountId == "123456789012")
            #expect(manifest.accounts.count == 13)
            #expect(manifest.memberAccounts.count == 12)
            #expect(
                Set(manifest.memberAccounts.map(\.ouPath))
                    == [
                        "Security", "SharedServices", "Workloads/Dev", "Workloads/Staging", "Workloads/Prod",
                        "Sandbox",
                    ])
            let workloads = try #require(manifest.organizationalUnits.first { $0.path == "Workloads" })
            #expect(manifest.organizationalUnits.filter { $0.parentId == workloads.id }.count == 3)
            #expect(
                manifest.accounts.allSatisfy {
                    $0.tags["Environment"] != nil && $0.alias.hasPrefix("opsdeck-")
                })

            // Every member has the role set, but for the drift the Roles pane must show.
            for account in manifest.memberAccounts {
                let names = Set((manifest.roles[account.id] ?? []).map(\.name))
                let missing = manifest.roleDrift.contains {
                    $0.accountId == account.id && $0.kind == "missing"
                }
                let expected: Set = [
                    "OpsDeckReadOnly", "Admin", "BreakGlassAdmin", "OrganizationAccountAccessRole",
                ]
                #expect(names == (missing ? expected : expected.union(["DeployRole"])), "\(account.name)")
            }
            #expect(Set(manifest.roleDrift.map(\.kind)) == ["missing", "trust_policy"])
            let breakGlass = manifest.roles.values.flatMap { $0 }.filter { $0.name == "BreakGlassAdmin" }
            #expect(breakGlass.allSatisfy { $0.path == "/breakglass/" && $0.tags["breakglass"] == "true" })

            let firing = manifest.alarms.filter { $0.state == "ALARM" }
            #expect(Set(firing.map(\.region)) == ["us-east-1", "us-west-2"])
            #expect(Set(firing.map(\.accountId)).count >= 3)
            #expect(manifest.alarms.contains { $0.state == "OK" })
            #expect(
                manifest.alarms.contains {
                    $0.namespace == "AWS/Billing" && $0.accountId == "123456789012"
                        && $0.region == "us-east-1"
                })
            #expect(manifest.budgets.filter(\.overLimit).count == 1)
            #expect(manifest.codebuild.flatMap(\.buildIds).count >= 3)
            #expect(Set(manifest.ecs.map(\.accountId)).count >= 2)

            let daily = "2026-08-26"
            let monthly = "2026-09-01"
            let token = "opsdeck-daily-accounts-page-2"
            let expected = [
                "daily_by_account_page_1": try Self.body("DAILY", "LINKED_ACCOUNT", daily),
                "daily_by_account_page_2": try Self.body("DAILY", "LINKED_ACCOUNT", daily, token: token),
                "daily_by_service": try Self.body("DAILY", "SERVICE", daily),
                "monthly_by_account": try Self.body("MONTHLY", "LINKED_ACCOUNT", monthly),
                "monthly_by_service": try Self.body("MONTHLY", "SERVICE", monthly),
            ]
            #expect(
                Dictionary(uniqueKeysWithValues: manifest.costExplorer.requests.map { ($0.name, $0.body) })
                    == expected)

            let scratch = try ScratchDirectory(prefix: "check-seed")
            defer { scratch.remove() }
            let report = try await CheckReport.run(
                "check_seed.py", [try organization.writeManifest(into: scratch).path], scratch: scratch)
            for failure in report.failures {
                Issue.record("check_seed.py: \(failure.name): \(failure.detail)")
            }
            #expect(report.ok)
            #expect(report.checks.count >= 20)
            #expect(report.names.contains("bad signature rejected"))
            #expect(report.names.contains("alarms in both regions"))
        }
    }

    @Test func seedingTheSameServerAgainGivesTheSameManifest() async throws {
        try await withMotoServer { moto in
            let first = try await SeededOrganization.seed(into: moto)
            let reset = try await LoopbackHTTP.send(
                "POST", try LoopbackHTTP.url(port: moto.port, path: "/moto-api/reset"))
            #expect(reset.status == 200)
            let second = try await SeededOrganization.seed(into: moto)
            #expect(try Self.withoutTiming(first.manifestJSON) == Self.withoutTiming(second.manifestJSON))
            #expect(first.manifest.accounts.map(\.id) == second.manifest.accounts.map(\.id))
        }
    }

    /// The manifest as a dictionary, without the one field that may differ between runs.
    private static func withoutTiming(_ json: Data) throws -> NSDictionary {
        let object = try JSONSerialization.jsonObject(with: json)
        let dictionary = try #require(object as? [String: Any])
        return dictionary.filter { $0.key != "seconds" } as NSDictionary
    }

    @Test func theSwiftSignerReachesTheSeededData() async throws {
        try await withSeededOrganization { moto, organization in
            let admin = organization.adminCredentials
            let identity = try await LoopbackHTTP.sendQuery(
                moto.endpoint, service: "sts", credentials: admin,
                parameters: [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")])
            #expect(identity.status == 200)
            #expect(identity.text.contains("<Arn>\(organization.manifest.adminUser.arn)</Arn>"))

            // The exact seeded bytes get the seeded answer, through this package's signer.
            let request = try #require(organization.manifest.costRequest(named: "daily_by_service"))
            let answer = try await LoopbackHTTP.sendJSON(
                moto.endpoint, service: "ce", credentials: admin, target: request.target, body: request.body)
            #expect(answer.status == 200)
            struct Periods: Decodable { let ResultsByTime: [[String: AnyDecodable]] }
            #expect(try answer.decode(Periods.self).ResultsByTime.count == request.resultPeriods)

            // The same body with one space more is a different key to moto: nothing comes back.
            let spaced = request.body.replacingOccurrences(of: ",", with: ", ")
            let empty = try await LoopbackHTTP.sendJSON(
                moto.endpoint, service: "ce", credentials: admin, target: request.target, body: spaced)
            #expect(try empty.decode(Periods.self).ResultsByTime.isEmpty)
        }
    }
}

/// Decodes and drops any JSON value: for counting elements without modelling them.
private struct AnyDecodable: Decodable {
    init(from decoder: any Decoder) throws {}
}
