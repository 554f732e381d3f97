import AWSClient
import AWSSigV4
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckSync
import Testing

/// Faults injected by Fixtures/fault_proxy.py between the real refresh path
/// (`OpsDeckSync.Refresher`) and the seeded moto (signature checking on): retries behave,
/// one failing account does not stop the others, and the cache never holds half a refresh.
///
/// The proxy's log is the wire's account of each attempt; the harness's sleeper counts the
/// retries without waiting for them.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct FaultRefreshTests {
    private static let later = SeededOrganization.referenceDate.addingTimeInterval(3600)

    /// The requests of one account and operation the proxy saw, oldest first.
    private static func attempts(
        _ log: [FaultProxy.LogEntry], account: String, action: String, region: String? = nil
    ) -> [FaultProxy.LogEntry] {
        log.filter { $0.account == account && $0.action == action && (region == nil || $0.region == region) }
    }

    @Test func throttlingIsRetriedAndTheSuccessRecorded() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let account = try #require(manifest.account(named: "payments-dev"))
        let rules = FaultRules(rules: [
            .init(
                id: "throttled-twice", match: .init(account: account.id, action: "ListRoles"),
                fault: .throttle, times: 2)
        ])
        try await withFaultProxy(upstream: seeded.moto.endpoint, rules: rules) { proxy in
            try await FaultRefreshHarness.run(endpoint: proxy.endpoint, manifest: manifest) { harness in
                let report = await harness.refresher.refresh(only: [.organizations, .roles])
                #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
                #expect(report.succeeded == 1 + manifest.accounts.count)

                let rule = try #require(try await proxy.stats().rule("throttled-twice"))
                let counts: [Int] = [rule.matched, rule.injected, rule.remaining]
                #expect(counts == [3, 2, 0])
                let tries = Self.attempts(try await proxy.log(), account: account.id, action: "ListRoles")
                #expect(tries.map(\.fault) == [.throttle, .throttle, nil], "two throttled, the third passed")
                // Two backoffs, no other retry anywhere in the refresh.
                #expect(harness.retriesWaited.count == 2)

                let status = try #require(try harness.status(.roles, account.id, CacheDatabase.globalRegion))
                #expect(status.lastError == nil)
                #expect(status.lastSuccessAt == SeededOrganization.referenceDate)
                let roles = try harness.snapshot().roles.filter { $0.accountId == account.id }
                #expect(Set(roles.map(\.name)) == Set((manifest.roles[account.id] ?? []).map(\.name)))
                #expect(!roles.isEmpty)
            }
        }
    }

    @Test func serverErrorsExhaustThreeAttemptsForOneAccountAndTheOthersRefresh() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let failing = try #require(manifest.account(named: "payments-prod"))
        let region = "us-west-2"
        let seededAlarms = Set(
            manifest.alarms.filter { $0.accountId == failing.id && $0.region == region }.map(\.arn))
        try #require(!seededAlarms.isEmpty, "the seed gives payments-prod alarms in \(region)")
        try await withFaultProxy(upstream: seeded.moto.endpoint) { proxy in
            try await FaultRefreshHarness.run(endpoint: proxy.endpoint, manifest: manifest) { harness in
                // A complete refresh first: the rows the failing one must leave alone.
                let first = await harness.refresher.refresh(only: [.organizations, .alarms])
                #expect(first.failures.isEmpty, "\(first.failures.map(\.message))")
                let before = try harness.snapshot().alarms.filter {
                    $0.accountId == failing.id && $0.region == region
                }
                #expect(Set(before.map(\.arn)) == seededAlarms)

                try await proxy.setRules(
                    FaultRules(rules: [
                        .init(
                            id: "always-500",
                            match: .init(account: failing.id, service: "monitoring", region: region),
                            fault: .error, times: 100)
                    ]))
                try await proxy.reset()
                harness.clearRetries()
                harness.setNow(Self.later)
                let report = await harness.refresher.refresh(only: [.alarms])

                let failure = try #require(report.failures.first)
                #expect(report.failures.count == 1, "\(report.failures.map(\.message))")
                #expect(report.succeeded == manifest.accounts.count * manifest.regions.count - 1)
                #expect(failure.source == .alarms)
                #expect([failure.accountId, failure.region] == [failing.id, region])
                #expect(failure.message.contains("account \(failing.id) (payments-prod) in \(region)"))
                #expect(failure.message.contains("InternalFailure"))
                #expect(failure.message.contains("keeps its last good data"))

                // Three attempts (the standard mode's limit) for that account, all refused.
                let tries = Self.attempts(
                    try await proxy.log(), account: failing.id, action: "DescribeAlarms", region: region)
                #expect(tries.map(\.fault) == [.error, .error, .error])
                #expect(harness.retriesWaited.count == 2)

                // Its rows are the previous ones, marked with the error and their age.
                let after = try harness.snapshot()
                #expect(
                    after.alarms.filter { $0.accountId == failing.id && $0.region == region } == before)
                let status = try #require(try harness.status(.alarms, failing.id, region))
                #expect(status.lastError == failure.message)
                #expect(status.lastSuccessAt == SeededOrganization.referenceDate)
                #expect(status.lastAttemptAt == Self.later)
                // Every other scope was refreshed now.
                let others = after.statuses.filter {
                    $0.source == .alarms && !($0.accountId == failing.id && $0.region == region)
                }
                #expect(others.count == manifest.accounts.count * manifest.regions.count - 1)
                #expect(others.allSatisfy { $0.lastError == nil && $0.lastSuccessAt == Self.later })
            }
        }
    }

    @Test func connectionResetsAreRetriedAndThenReported() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let recovers = try #require(manifest.account(named: "search-dev"))
        let fails = try #require(manifest.account(named: "sandbox-bob"))
        let rules = FaultRules(rules: [
            .init(id: "reset-once", match: .init(account: recovers.id, action: "ListRoles"), fault: .reset),
            .init(
                id: "reset-always", match: .init(account: fails.id, action: "ListRoles"), fault: .reset,
                times: 100),
        ])
        try await withFaultProxy(upstream: seeded.moto.endpoint, rules: rules) { proxy in
            try await FaultRefreshHarness.run(endpoint: proxy.endpoint, manifest: manifest) { harness in
                let report = await harness.refresher.refresh(only: [.organizations, .roles])
                let failure = try #require(report.failures.first)
                #expect(report.failures.count == 1, "\(report.failures.map(\.message))")
                #expect(report.succeeded == manifest.accounts.count)
                #expect(failure.accountId == fails.id)
                #expect(failure.message.contains("account \(fails.id) (sandbox-bob) in global"))
                #expect(failure.message.contains("after 3 attempts"), "\(failure.message)")
                #expect(failure.message.contains("Check the network"))

                let log = try await proxy.log()
                #expect(
                    Self.attempts(log, account: recovers.id, action: "ListRoles").map(\.fault) == [
                        .reset, nil,
                    ])
                #expect(
                    Self.attempts(log, account: fails.id, action: "ListRoles").map(\.fault)
                        == [.reset, .reset, .reset])
                #expect(harness.retriesWaited.count == 1 + 2)
                let recovered = try #require(
                    try harness.status(.roles, recovers.id, CacheDatabase.globalRegion))
                #expect(recovered.lastError == nil && recovered.lastSuccessAt != nil)
                let failed = try #require(try harness.status(.roles, fails.id, CacheDatabase.globalRegion))
                #expect(failed.lastError == failure.message)
                #expect(failed.lastSuccessAt == nil)
            }
        }
    }

    /// The proxy holds the answer longer than one attempt may take; the client gives up on
    /// it, tries again, and after three timeouts reports the account.
    @Test func slowAnswersBeyondTheTimeoutAreRetriedAndThenReported() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let recovers = try #require(manifest.account(named: "log-archive"))
        let fails = try #require(manifest.account(named: "sandbox-alice"))
        let rules = FaultRules(rules: [
            .init(
                id: "slow-once", match: .init(account: recovers.id, action: "ListAccountAliases"),
                fault: .delay, delayMs: 6000),
            .init(
                id: "slow-always", match: .init(account: fails.id, action: "ListAccountAliases"),
                fault: .delay, times: 100, delayMs: 6000),
        ])
        try await withFaultProxy(upstream: seeded.moto.endpoint, rules: rules) { proxy in
            try await FaultRefreshHarness.run(
                endpoint: proxy.endpoint, manifest: manifest, timeout: .seconds(2)
            ) { harness in
                let report = await harness.refresher.refresh(only: [.organizations, .roles])
                let failure = try #require(report.failures.first)
                #expect(report.failures.count == 1, "\(report.failures.map(\.message))")
                #expect(report.succeeded == manifest.accounts.count)
                #expect(failure.accountId == fails.id)
                #expect(failure.message.contains("account \(fails.id) (sandbox-alice) in global"))
                #expect(failure.message.contains("no answer from"), "\(failure.message)")
                #expect(failure.message.contains("after 3 attempts"))

                let log = try await proxy.log()
                #expect(
                    Self.attempts(log, account: recovers.id, action: "ListAccountAliases").map(\.fault)
                        == [.delay, nil])
                #expect(
                    Self.attempts(log, account: fails.id, action: "ListAccountAliases").map(\.fault)
                        == [.delay, .delay, .delay])
                // The roles ListRoles read are not written without the alias call.
                #expect(try harness.snapshot().roles.allSatisfy { $0.accountId != fails.id })
                let recovered = try #require(
                    try harness.status(.roles, recovers.id, CacheDatabase.globalRegion))
                #expect(recovered.lastError == nil)
            }
        }
    }

    /// Page 1 of a paged Cost Explorer list arrives, page 2 is reset on every attempt; and an
    /// account's roles are listed in full before the call after them is reset. Neither
    /// scope may show anything of this refresh: the rows are those from before it.
    @Test func aResetInTheMiddleOfAFetchKeepsThePreviousCompleteRows() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let management = manifest.organization.managementAccountId
        let page2Token = try #require(
            manifest.costExplorer.requests.first { $0.name == "daily_by_account_page_1" }?.nextPageToken)
        let member = try #require(manifest.account(named: "shared-network"))
        let global = CacheDatabase.globalRegion
        try await withFaultProxy(upstream: seeded.moto.endpoint) { proxy in
            try await FaultRefreshHarness.run(endpoint: proxy.endpoint, manifest: manifest) { harness in
                let first = await harness.refresher.refresh(only: [.organizations, .cost])
                #expect(first.failures.isEmpty, "\(first.failures.map(\.message))")
                // Rows this refresh could never produce, so any write of it would show.
                let previousRoles = [
                    Role(
                        accountId: member.id, name: "PreviousRefreshOnly",
                        arn: "arn:aws:iam::\(member.id):role/PreviousRefreshOnly", trustPolicy: "{}")
                ]
                try harness.cache.replace(
                    source: .roles, accountId: member.id, region: global,
                    fetchedAt: SeededOrganization.referenceDate, with: .roles(previousRoles))
                let before = try harness.snapshot()
                #expect(!before.cost.byAccount.isEmpty && !before.cost.daily.isEmpty)

                try await proxy.setRules(
                    FaultRules(rules: [
                        .init(
                            id: "cost-page-2",
                            match: .init(action: "GetCostAndUsage", bodyContains: page2Token),
                            fault: .reset, times: 100),
                        .init(
                            id: "after-the-roles",
                            match: .init(account: member.id, action: "ListAccountAliases"),
                            fault: .reset, times: 100),
                    ]))
                try await proxy.reset()
                harness.setNow(Self.later)
                let report = await harness.refresher.refresh(only: [.organizations, .roles, .cost])
                #expect(
                    Set(report.failures.map { "\($0.source.rawValue) \($0.accountId)" })
                        == ["cost \(management)", "roles \(member.id)"],
                    "\(report.failures.map(\.message))")

                // The wire: page 1 answered, page 2 refused three times, nothing after it.
                let log = try await proxy.log()
                let costCalls = log.filter { $0.action == "GetCostAndUsage" }
                #expect(costCalls.map(\.fault) == [nil, .reset, .reset, .reset])
                let memberCalls = log.filter { $0.account == member.id && $0.service == "iam" }
                #expect(memberCalls.first?.action == "ListRoles" && memberCalls.first?.fault == nil)
                #expect(Self.attempts(log, account: member.id, action: "ListAccountAliases").count == 3)

                let after = try harness.snapshot()
                // Requests that reached Cost Explorer are charged and may be counted even when the
                // fetch fails; everything else must be the first refresh's.
                var afterCost = after.cost
                #expect(afterCost.costExplorerRequestsToday >= before.cost.costExplorerRequestsToday)
                afterCost.costExplorerRequestsToday = before.cost.costExplorerRequestsToday
                #expect(afterCost == before.cost, "the cost rows are those of the first refresh")
                #expect(after.roles.filter { $0.accountId == member.id } == previousRoles)
                let cost = try #require(try harness.status(.cost, management, global))
                #expect(cost.lastSuccessAt == SeededOrganization.referenceDate)
                #expect(cost.lastAttemptAt == Self.later)
                #expect(cost.lastError?.contains("The cache keeps the last good cost data") == true)
                let roles = try #require(try harness.status(.roles, member.id, global))
                #expect(roles.lastSuccessAt == SeededOrganization.referenceDate)
                #expect(roles.lastError?.contains("keeps its last good data") == true)
                // The other accounts' roles are this refresh's.
                #expect(
                    after.statuses.filter { $0.source == .roles && $0.accountId != member.id }
                        .allSatisfy { $0.lastSuccessAt == Self.later && $0.lastError == nil })
            }
        }
    }

    enum WrongCredentials: String, CaseIterable, Sendable {
        case unknownKey
        case wrongSecret
    }

    @Test(arguments: WrongCredentials.allCases)
    func wrongCredentialsFailWithOneRequestAndNoRetries(_ kind: WrongCredentials) async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let secret = "wrong-secret-\(kind.rawValue)-0123456789"
        let credentials =
            switch kind {
            case .unknownKey: AWSCredentials(accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: secret)
            case .wrongSecret:
                AWSCredentials(accessKeyId: manifest.adminCredentials.accessKeyId, secretAccessKey: secret)
            }
        try await withFaultProxy(upstream: seeded.moto.endpoint) { proxy in
            try await FaultRefreshHarness.run(
                endpoint: proxy.endpoint, manifest: manifest, credentials: credentials
            ) { harness in
                let report = await harness.refresher.refresh()
                let failure = try #require(report.failures.first)
                #expect(report.failures.count == 1)
                #expect(report.succeeded == 0)
                #expect(failure.source == .organizations)
                #expect(try await proxy.stats().requests == 1, "one request, not a stack of retries")
                #expect(harness.retriesWaited.isEmpty)

                let code = kind == .unknownKey ? "InvalidClientTokenId" : "SignatureDoesNotMatch"
                #expect(failure.message.contains(code), "\(failure.message)")
                #expect(failure.message.contains("check the credentials of profile moto-admin"))
                #expect(failure.message.contains("Nothing else was refreshed"))
                #expect(!failure.message.contains(secret))
                let status = try #require(
                    try harness.status(.organizations, failure.accountId, failure.region))
                #expect(status.lastError == failure.message)
                #expect(try harness.snapshot().accounts.isEmpty)
            }
        }
    }
}
