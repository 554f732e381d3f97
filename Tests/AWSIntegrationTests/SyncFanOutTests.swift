import AWSClient
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckSync
import Testing

/// One account's failure is recorded, with a message naming it, and the others carry on.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct SyncFanOutTests {
    @Test func aThrottledAndADeniedAccountFailAloneAndAreRecorded() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let throttled = try #require(manifest.account(named: "payments-prod"))
        let denied = try #require(manifest.account(named: "search-prod"))
        let rules = FaultRules(rules: [
            .init(
                id: "roles-throttled", match: .init(account: throttled.id, action: "ListRoles"),
                fault: .throttle, times: 100),
            .init(
                id: "alarms-denied",
                match: .init(account: denied.id, service: "monitoring", region: "us-west-2"),
                fault: .error, times: 100, status: 403, code: "AccessDenied",
                message: "not allowed to monitoring:DescribeAlarms"),
        ])
        var report = RefreshReport()
        let snapshot = try await withFaultProxy(upstream: seeded.moto.endpoint, rules: rules) { proxy in
            try await SyncHarness.run(
                endpoint: proxy.endpoint, credentials: manifest.adminCredentials, manifest: manifest
            ) { refresher, _ in
                report = await refresher.refresh(only: [.organizations, .roles, .alarms])
            }
        }
        let total = 1 + manifest.accounts.count * (1 + manifest.regions.count)
        #expect(report.succeeded == total - 2)
        #expect(report.failures.count == 2, "\(report.failures.map(\.message))")

        let rolesFailure = try #require(report.failures.first { $0.source == .roles })
        #expect(rolesFailure.accountId == throttled.id)
        #expect(rolesFailure.region == CacheDatabase.globalRegion)
        #expect(rolesFailure.message.contains("account \(throttled.id) (payments-prod) in global"))
        #expect(rolesFailure.message.contains("Throttling"))
        #expect(rolesFailure.message.contains("other accounts were refreshed"))

        let alarmsFailure = try #require(report.failures.first { $0.source == .alarms })
        #expect(alarmsFailure.accountId == denied.id)
        #expect(alarmsFailure.region == "us-west-2")
        #expect(alarmsFailure.message.contains("account \(denied.id) (search-prod) in us-west-2"))
        #expect(alarmsFailure.message.contains("AccessDenied"))

        // The others carried on: every other account's roles are there.
        let withRoles = Set(snapshot.roles.map(\.accountId))
        for member in manifest.memberAccounts {
            #expect(withRoles.contains(member.id) == (member.id != throttled.id), "\(member.name)")
        }
        let failedStatuses = snapshot.statuses.filter { $0.lastError != nil }
        #expect(
            Set(failedStatuses.map { "\($0.source.rawValue) \($0.accountId) \($0.region)" })
                == ["roles \(throttled.id) global", "alarms \(denied.id) us-west-2"])
    }

    /// moto hands out credentials for any role ARN, so a refused AssumeRole is injected.
    @Test func aRefusedAssumeRoleNamesTheRoleToCheck() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let rules = FaultRules(rules: [
            .init(
                id: "assume-denied", match: .init(action: "AssumeRole"), fault: .error, times: 1,
                status: 403, code: "AccessDenied", message: "not authorized to perform sts:AssumeRole")
        ])
        var report = RefreshReport()
        _ = try await withFaultProxy(upstream: seeded.moto.endpoint, rules: rules) { proxy in
            try await SyncHarness.run(
                endpoint: proxy.endpoint, credentials: manifest.adminCredentials, manifest: manifest
            ) { refresher, _ in
                report = await refresher.refresh(only: [.organizations, .roles])
            }
        }
        // The organization, the management account (its own keys) and 11 members succeed.
        #expect(report.succeeded == 1 + manifest.accounts.count - 1)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(manifest.memberAccounts.contains { $0.id == failure.accountId })
        #expect(
            failure.message.contains(
                "arn:aws:iam::\(failure.accountId):role/\(manifest.readRoleName) exists and trusts the "
                    + "management account \(manifest.organization.managementAccountId)"),
            "\(failure.message)")
        #expect(failure.message.contains("AccessDenied"))
    }
}
