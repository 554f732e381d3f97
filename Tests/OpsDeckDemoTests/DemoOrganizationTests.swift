import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckDemo

@Suite struct DemoOrganizationTests {
    static let now = Date(timeIntervalSince1970: 1_715_679_000)  // 2024-05-14T09:30:00Z
    static let standard = DemoOrganization.generate(size: .standard, now: now)

    @Test func sameInputsGiveTheSameDataset() {
        #expect(DemoOrganization.generate(size: .standard, now: Self.now) == Self.standard)
    }

    @Test func anotherDayGivesAnotherOrganization() {
        let tomorrow = DemoOrganization.generate(size: .standard, now: Self.now.addingTimeInterval(86_400))
        #expect(tomorrow.accounts.map(\.id) != Self.standard.accounts.map(\.id))
        #expect(tomorrow.accounts.map(\.name) == Self.standard.accounts.map(\.name))
    }

    @Test func generatorIsSeededNotRandom() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        // Reference values of SplitMix64 for seed 0.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        #expect(zero.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func standardOrganizationShape() throws {
        let demo = Self.standard
        #expect(demo.accounts.count == 25)
        #expect(Set(demo.accounts.map(\.id)).count == 25)
        #expect(demo.accounts.allSatisfy { $0.id.count == 12 && $0.id.allSatisfy(\.isNumber) })
        #expect(demo.accounts.filter(\.isManagement).count == 1)
        #expect(demo.organization.managementAccountId == demo.accounts.first(where: \.isManagement)?.id)
        #expect(demo.organization.isDemo)
        #expect(demo.organization.profile == "demo")
        #expect(
            Set(demo.units.map(\.path)) == [
                "Root", "Root/Security", "Root/SharedServices", "Root/Workloads", "Root/Workloads/Dev",
                "Root/Workloads/Staging", "Root/Workloads/Prod", "Root/Sandbox",
            ])
        let unitIds = Set(demo.units.map(\.id))
        #expect(demo.accounts.allSatisfy { unitIds.contains($0.ouId) })
        #expect(
            demo.units.allSatisfy { unit in unit.parentId.map(unitIds.contains) ?? (unit.path == "Root") })
        let names = Set(demo.accounts.map(\.name))
        for name in [
            "log-archive", "audit", "network", "shared-tools", "payments-prod", "payments-staging",
            "payments-dev", "checkout-prod", "sandbox-alice",
        ] {
            #expect(names.contains(name), "missing \(name)")
        }
        let suspended = demo.accounts.filter { $0.status == .suspended }
        #expect(suspended.count == 1)
        #expect(suspended.first?.ouPath == "Root/Sandbox")
        #expect(demo.accounts.first { $0.name == "payments-prod" }?.environment == .prod)
    }

    @Test func standardRolesDriftAndBreakGlass() throws {
        let demo = Self.standard
        let breakGlass = demo.roles.filter(\.isBreakGlass)
        #expect(!breakGlass.isEmpty)
        #expect(breakGlass.allSatisfy { $0.path == "/breakglass/" && $0.tags["breakglass"] == "true" })
        let activeAccounts = demo.accounts.filter { $0.status == .active }.map(\.id)
        let rolesByAccount = Dictionary(grouping: demo.roles, by: \.accountId)
        let names = Set(demo.roles.map(\.name))
        // Some role is missing from some account, but not everywhere.
        let missing = names.filter { name in
            activeAccounts.contains { rolesByAccount[$0]?.contains { $0.name == name } != true }
        }
        #expect(missing.contains("BreakGlassAdmin"))
        #expect(missing.count < names.count)
        // Exactly one Admin trusts someone else.
        let adminTrusts = demo.roles.filter { $0.name == "Admin" }.map(\.trustPolicy)
        let counts = Dictionary(grouping: adminTrusts, by: { $0 }).mapValues(\.count)
        #expect(counts.count == 2)
        #expect(counts.values.min() == 1)
        #expect(names.contains("OrganizationAccountAccessRole"))
        #expect(names.contains { $0.hasPrefix("AWSReservedSSO_") })
        #expect(Set(demo.roles.map(\.arn)).count == demo.roles.count)
    }

    @Test func standardAlarmsFireInBothRegions() throws {
        let demo = Self.standard
        let firing = demo.alarms.filter { $0.state == .alarm }
        #expect(Set(firing.map(\.region)) == ["us-east-1", "us-west-2"])
        #expect(Set(firing.map(\.accountId)).count >= 3)
        #expect(demo.alarms.contains { $0.isComposite && $0.state == .alarm })
        #expect(demo.alarms.contains { $0.state == .insufficientData })
        #expect(firing.contains { $0.severity == .critical })
        let billing = try #require(demo.alarms.first { $0.isBillingAlarm })
        #expect(billing.accountId == demo.organization.managementAccountId)
        #expect(billing.region == "us-east-1")
        #expect(billing.threshold != nil)
        #expect(Set(demo.alarms.map(\.arn)).count == demo.alarms.count)
    }

    @Test func standardIncidentsCoverEveryState() throws {
        let demo = Self.standard
        #expect(Set(demo.incidents.map(\.status)) == Set(Incident.Status.allCases))
        let raised = demo.incidents.filter { $0.alarmARN != nil }
        #expect(!raised.isEmpty)
        #expect(raised.allSatisfy { $0.title.hasPrefix("ALARM: \"") && $0.title.contains(" in US ") })
        let alarmARNs = Set(demo.alarms.map(\.arn))
        #expect(raised.allSatisfy { alarmARNs.contains($0.alarmARN ?? "") })
        let inbox = AlertInbox.merge(alarms: demo.alarms, incidents: demo.incidents)
        #expect(inbox.contains { $0.isResolvedButStillFiring })
        #expect(
            inbox.contains { $0.sources == [.cloudWatch, .pagerDuty] && $0.incident?.status == .triggered })
        #expect(Set(demo.incidents.map(\.id)).count == demo.incidents.count)
    }

    @Test func standardPipelinesShowEveryKindAndTrouble() {
        let runs = Self.standard.pipelineRuns
        #expect(Set(runs.map(\.kind)) == Set(PipelineRun.Kind.allCases))
        let statuses = Set(runs.map(\.status))
        #expect(statuses.isSuperset(of: [.failed, .inProgress, .succeeded, .queued, .superseded, .stopped]))
        #expect(runs.allSatisfy { ($0.commit?.count ?? 0) == 7 && $0.trigger != nil && $0.stage != nil })
        #expect(runs.filter { $0.status == .inProgress }.allSatisfy { $0.finishedAt == nil })
        #expect(runs.allSatisfy { $0.startedAt <= Self.now && ($0.finishedAt ?? Self.now) <= Self.now })
        #expect(Set(runs.map { "\($0.kind)/\($0.id)" }).count == runs.count)
    }

    @Test func standardCostHasNinetyDaysTrendAndBudgets() throws {
        let demo = Self.standard
        let byAccount = demo.costPoints.filter { $0.dimension == .account }
        #expect(byAccount.count == 25 * 90)
        let days = Set(byAccount.map(\.date))
        #expect(days.count == 90)
        #expect(days.max() == Date(timeIntervalSince1970: 1_715_644_800))  // 2024-05-14, today
        // Both breakdowns agree to the cent, day by day.
        let accountTotals = Dictionary(grouping: byAccount, by: \.date).mapValues {
            $0.reduce(0) { $0 + $1.amount }
        }
        let serviceTotals = Dictionary(
            grouping: demo.costPoints.filter { $0.dimension == .service }, by: \.date
        )
        .mapValues { $0.reduce(0) { $0 + $1.amount } }
        for (day, total) in accountTotals {
            #expect(abs(total - (serviceTotals[day] ?? 0)) < 0.005)
        }
        #expect(demo.budgets.contains { $0.isBreached })
        #expect(demo.budgets.contains { !$0.isBreached })
        #expect(demo.forecast > 0)
        #expect(demo.costExplorerRequestsToday > 0)
    }

    @Test func largeCountsAreExact() {
        let demo = DemoOrganization.generate(size: .large, now: Self.now)
        #expect(demo.accounts.count == 1_000)
        #expect(Set(demo.accounts.map(\.id)).count == 1_000)
        #expect(Set(demo.accounts.map(\.name)).count == 1_000)
        #expect(demo.roles.count == 20_000)
        #expect(Set(demo.roles.map(\.arn)).count == 20_000)
        #expect(demo.alarms.count == 5_000)
        #expect(Set(demo.alarms.map(\.arn)).count == 5_000)
        #expect(demo.incidents.count == 2_000)
        #expect(Set(demo.incidents.map(\.id)).count == 2_000)
        #expect(demo.pipelineRuns.count == 20_000)
        #expect(Set(demo.pipelineRuns.map { "\($0.kind)/\($0.id)" }).count == 20_000)
        #expect(demo.costPoints.filter { $0.dimension == .account }.count == 90_000)
        #expect(Set(demo.costPoints.filter { $0.dimension == .service }.map(\.date)).count == 90)
        #expect(Set(demo.incidents.map(\.status)) == Set(Incident.Status.allCases))
        #expect(demo.accounts.filter(\.isManagement).count == 1)
    }
}
