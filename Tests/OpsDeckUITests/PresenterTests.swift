import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckUI

@Suite struct PresenterTests {
    typealias F = UIFixtures

    private func content(_ pane: PaneID, _ context: PresentationContext = F.context()) -> PaneContent {
        PaneContentBuilder.content(for: pane, snapshot: F.snapshot, context: context)
    }

    private func row(_ content: PaneContent, _ id: String) throws -> PaneRow {
        try #require(content.rows.first { $0.id == id }, "no row \(id)")
    }

    // MARK: Accounts

    @Test func accountsTreeOrderIsEachOUThenItsChildOUsThenItsAccounts() {
        let accounts = content(.accounts)
        #expect(accounts.isTree)
        #expect(
            accounts.rows.map(\.id) == [
                "ou:r-root", "ou:ou-sec", F.audit, "ou:ou-work", "ou:ou-dev", F.paymentsDev, "ou:ou-prod",
                F.apiProd,
                F.paymentsProd, F.management, F.orphan,
            ])
        #expect(accounts.rows.map(\.depth) == [0, 1, 2, 1, 2, 3, 2, 3, 3, 1, 0])
    }

    @Test func ouRowsCarryTheirNodeAndAncestors() throws {
        let accounts = content(.accounts)
        let prod = try row(accounts, "ou:ou-prod")
        #expect(prod.nodeId == "ou-prod")
        #expect(prod.ancestors == ["r-root", "ou-work"])
        #expect(prod.role == .title)
        let api = try row(accounts, F.apiProd)
        #expect(api.nodeId == nil)
        #expect(api.ancestors == ["r-root", "ou-work", "ou-prod"])
        let orphan = try row(accounts, F.orphan)
        #expect(orphan.ancestors.isEmpty)
        #expect(orphan.cells[3] == .text("suspended"))
        #expect(orphan.cellRoles[3] == .warning)
    }

    @Test func accountRowsRollUpAlarmsIncidentsCostAndTheLatestRun() throws {
        let accounts = content(.accounts)
        let payments = try row(accounts, F.paymentsProd)
        #expect(
            payments.cells == [
                .text("payments-prod"), .text(F.paymentsProd), .text("prod"), .text("active"), .count(1),
                .count(2),
                .money(1200.5), .text("queued"),
            ])
        #expect(payments.cellRoles[4] == .alarm)
        #expect(payments.cellRoles[5] == .incidentTriggered)
        #expect(payments.cellRoles[7] == .pipelineRunning)
        let api = try row(accounts, F.apiProd)
        #expect(api.cells[4] == .count(2))
        // PI2 has no account of its own; it counts for api-prod through its alarm.
        #expect(api.cells[5] == .count(1))
        #expect(api.cells[7] == .text("failed"))
        #expect(try row(accounts, F.management).cells[0] == .text("management (management)"))
    }

    @Test func ouRowsSumWhatIsBelowThem() throws {
        let accounts = content(.accounts)
        let root = try row(accounts, "ou:r-root")
        #expect(
            root.cells == [
                .text("Root"), .text("r-root"), .text(""), .text("1 acct"), .count(4), .count(3),
                .money(2115), .empty,
            ])
        #expect(root.cellRoles[4] == .alarm)
        let prod = try row(accounts, "ou:ou-prod")
        #expect(prod.cells[3] == .text("2 acct"))
        #expect(prod.cells[4] == .count(3))
        #expect(prod.cells[5] == .count(3))
        #expect(prod.cells[6] == .money(2000.5))
        let dev = try row(accounts, "ou:ou-dev")
        #expect(dev.cells[4] == .count(0))
        #expect(dev.cellRoles[4] == nil)
        #expect(dev.cells[6] == .money(99.5))
    }

    @Test func productionAccountsAreFlagged() {
        let accounts = content(.accounts)
        let flagged = Set(accounts.rows.filter(\.isProduction).map(\.id))
        #expect(flagged == [F.paymentsProd, F.apiProd])
        for row in accounts.rows where row.isProduction {
            #expect(row.role == .prodText)
            #expect(row.cellRoles[2] == .prodText)
        }
    }

    @Test func regionNarrowsAlarmAndPipelineRollups() throws {
        let accounts = content(.accounts, F.context("us-west-2"))
        let payments = try row(accounts, F.paymentsProd)
        #expect(payments.cells[4] == .count(0))
        #expect(payments.cells[7] == .text("-"))
        #expect(try row(accounts, "ou:r-root").cells[4] == .count(2))
        // Incidents and cost are not region-scoped.
        #expect(payments.cells[5] == .count(2))
        #expect(payments.cells[6] == .money(1200.5))
    }

    @Test func accountDetail() {
        let lines = AccountsPresenter.detail(F.paymentsProd, F.snapshot, F.context())
        let dict = Dictionary(lines, uniquingKeysWith: { a, _ in a })
        #expect(dict["Account"] == "payments-prod")
        #expect(dict["Alarms firing"] == "payments-5xx-critical")
        #expect(dict["Open incidents"] == "#101 Payments 5xx; #103 Manual page: checkout slow")
        #expect(dict["Month to date"] == "$1,200.50")
        let ou = Dictionary(
            AccountsPresenter.detail("ou:ou-prod", F.snapshot, F.context()), uniquingKeysWith: { a, _ in a })
        #expect(ou["Accounts"] == "api-prod, payments-prod")
        #expect(AccountsPresenter.detail("nope", F.snapshot, F.context()).isEmpty)
    }

    // MARK: Pipelines

    @Test func pipelinesShowFailuresFirstThenNewestFirst() {
        let pipelines = content(.pipelines)
        #expect(pipelines.rows.map(\.id) == ["run-p4", "run-p2", "run-p3", "run-p5", "run-p1"])
        #expect(
            pipelines.rows.map { $0.cells[0] } == [
                .text("failed"), .text("failed"), .text("in progress"), .text("queued"), .text("succeeded"),
            ])
        #expect(
            pipelines.rows.map { $0.cellRoles[0] } == [
                .pipelineFailed, .pipelineFailed, .pipelineRunning, .pipelineRunning, .pipelineSucceeded,
            ])
    }

    @Test func pipelineCellsShowDurationsAndShortCommits() throws {
        let pipelines = content(.pipelines)
        let done = try row(pipelines, "run-p1")
        #expect(done.cells[7] == .text("0123456"))
        #expect(done.cells[8] == .duration(300))
        #expect(done.cells[9] == .age(F.ago(7200)))
        #expect(done.cells[3] == .text("payments-prod"))
        #expect(done.isProduction)
        let running = try row(pipelines, "run-p3")
        #expect(running.cells[8] == .running(since: F.ago(300)))
        #expect(running.cells[5] == .text("-"))
        #expect(!running.isProduction)
    }

    @Test func pipelinesNarrowToARegion() {
        #expect(content(.pipelines, F.context("us-west-2")).rows.map(\.id) == ["run-p4", "run-p2"])
    }

    // MARK: Alerts

    @Test func alertsAreSortedBySeverityThenAge() {
        let alerts = content(.alerts)
        let a5 = F.alarmARN(F.apiProd, "us-east-1", "db-disk-info")
        #expect(alerts.rows.map(\.id) == ["pd:PI1", "pd:PI2", "pd:PI5", "pd:PI3", "cw:\(a5)"])
        #expect(
            alerts.rows.map { $0.cells[0] } == [
                .text("critical"), .text("high"), .text("warning"), .text("warning"), .text("info"),
            ])
        #expect(
            alerts.rows.map { $0.cellRoles[0] } == [
                .severityCritical, .severityHigh, .severityWarning, .severityWarning, .severityInfo,
            ])
        #expect(
            alerts.rows.map { $0.cells[1] } == [
                .text("CW+PD"), .text("CW+PD"), .text("CW+PD"), .text("PD"), .text("CW"),
            ])
    }

    @Test func resolvedButStillFiringStandsOut() throws {
        let alerts = content(.alerts)
        let gap = try row(alerts, "pd:PI5")
        #expect(gap.cells[5] == .text("resolved!"))
        #expect(gap.role == .alarm)
        #expect(gap.cellRoles[5] == .alarm)
        #expect(gap.cells[6] == .age(F.ago(3000)))
        let acked = try row(alerts, "pd:PI2")
        #expect(acked.cells[5] == .text("acknowledged"))
        #expect(acked.cellRoles[5] == .incidentAcknowledged)
        // Account and region come from the linked alarm; the account shows its alias.
        #expect(acked.cells[2] == .text("api"))
        #expect(acked.cells[3] == .text("us-west-2"))
        #expect(acked.isProduction)
        #expect(acked.cellRoles[2] == .prodText)
        let manual = try row(alerts, "pd:PI3")
        #expect(manual.cells[3] == .text("-"))
    }

    @Test func alertsNarrowToARegionKeepingRegionlessOnes() {
        let ids = content(.alerts, F.context("us-west-2")).rows.map(\.id)
        #expect(ids == ["pd:PI2", "pd:PI5", "pd:PI3"])
    }

    @Test func alertDetailWarnsAboutAnEarlyResolve() {
        let lines = PaneContentBuilder.detail(
            for: .alerts, rowId: "pd:PI5", snapshot: F.snapshot, context: F.context())
        #expect(lines.contains { $0.0 == "Warning" })
        #expect(lines.contains { $0 == ("Alarm", "audit-log-gap") })
        #expect(lines.contains { $0 == ("Incident key", "audit-log-gap") })
    }

    // MARK: Roles

    @Test func rolesListSortsByAccountAndMarksDriftAndBreakGlass() throws {
        var pane = PaneState()
        pane.setContent(content(.roles))
        // Already in account order from the presenter: no sort needed for the default view.
        #expect(pane.content.defaultSortColumn == nil)
        #expect(pane.visible.count == 11)
        let accounts = pane.visible.map { pane.content.rows[$0].cells[0] }
        #expect(accounts.first == .text("api"))
        #expect(accounts.last == .text("payments-prod"))
        let roles = content(.roles)
        let drifted = try row(roles, "arn:aws:iam::\(F.audit):role/OrganizationAccountAccessRole")
        #expect(drifted.cells[4] == .text("drift"))
        #expect(drifted.cellRoles[4] == .drift)
        let glass = try row(roles, "arn:aws:iam::\(F.apiProd):role/BreakGlass")
        #expect(glass.cells[3] == .text("BREAK-GLASS"))
        #expect(glass.role == .breakGlass)
        #expect(glass.isProduction)
        #expect(glass.cells[6] == .age(F.ago(86_400)))
    }

    @Test func rolesBaselineViewListsProblemsFirst() throws {
        var context = F.context()
        context.rolesView = .baseline
        let baseline = content(.roles, context)
        #expect(baseline.columns == RolesPresenter.baselineColumns)
        #expect(
            baseline.rows.map(\.id) == [
                "baseline:OrganizationAccountAccessRole", "baseline:BreakGlass", "baseline:ReadOnly",
            ])
        let access = try row(baseline, "baseline:OrganizationAccountAccessRole")
        #expect(
            access.cells == [
                .text("OrganizationAccountAccessRole"), .text("4/5"), .text("management"), .text("audit"),
            ])
        #expect(access.role == .drift)
        #expect(try row(baseline, "baseline:BreakGlass").role == .breakGlass)
        #expect(try row(baseline, "baseline:ReadOnly").role == nil)
    }

    @Test func baselineNamesAreCappedAtSix() {
        let ids = (1...8).map { "acct\($0)" }
        #expect(RolesPresenter.names(ids, F.context()) == "acct1, acct2, acct3, acct4, acct5, acct6 +2")
        #expect(RolesPresenter.names([], F.context()) == "-")
    }

    // MARK: Cost

    @Test func costByAccountIsSortedByMonthToDate() throws {
        let cost = content(.cost)
        #expect(
            cost.rows.map(\.id)
                == [F.paymentsProd, F.apiProd, F.paymentsDev, F.audit, F.management].map { "account:\($0)" })
        let prod = try row(cost, "account:\(F.paymentsProd)")
        #expect(prod.cells[0] == .text("payments-prod"))
        #expect(prod.cells[1] == .text("Prod"))
        guard case .percent(let change?) = prod.cells[4] else {
            Issue.record("no change percent: \(prod.cells[4])")
            return
        }
        #expect(abs(change - 20.05) < 1e-9)
        #expect(prod.cellRoles[4] == .costUp)
        #expect(prod.isProduction)
        #expect(try row(cost, "account:\(F.apiProd)").cellRoles[4] == .costDown)
        #expect(try row(cost, "account:\(F.audit)").cells[4] == .percent(nil))
        #expect(try row(cost, "account:\(F.audit)").cellRoles[4] == nil)
    }

    @Test func costByService() {
        var context = F.context()
        context.costView = .byService
        let cost = content(.cost, context)
        #expect(cost.rows.map(\.id) == ["service:AmazonEC2", "service:AWSLambda", "service:AmazonS3"])
        #expect(cost.rows.allSatisfy { !$0.isProduction })
        #expect(cost.rows.first?.cells[1] == .text(""))
    }

    @Test func costDetailListsBudgets() {
        let lines = CostPresenter.detail("account:\(F.paymentsProd)", F.snapshot, F.context())
        #expect(lines.contains { $0 == ("Budget prod", "120% of $1,000.00") })
        #expect(lines.contains { $0 == ("Change", "+20.1%") || $0 == ("Change", "+20.0%") })
    }

    // MARK: Empty

    @Test(arguments: PaneID.allCases)
    func emptySnapshotGivesNoRowsAndAMessage(pane: PaneID) {
        let empty = PaneContentBuilder.content(
            for: pane, snapshot: .empty, context: PresentationContext(snapshot: .empty))
        #expect(empty.rows.isEmpty)
        #expect(!empty.emptyMessage.isEmpty)
        #expect(!empty.columns.isEmpty)
    }
}

/// Cases where the Accounts pane disagrees with the data it is given.
@Suite struct AccountsPresenterGapTests {
    typealias F = UIFixtures

    /// An OU whose parent is missing from the snapshot (a partial Organizations fetch)
    /// is never visited, and its accounts are not treated as orphans either: they vanish.
    @Test func accountsUnderAnOUWithAMissingParentStillShow() {
        var snapshot = OrgSnapshot(
            units: [
                OrganizationalUnit(id: "r-root", name: "Root", parentId: nil, path: "Root"),
                OrganizationalUnit(
                    id: "ou-team", name: "Team", parentId: "ou-missing", path: "Root/Missing/Team"),
            ],
            accounts: [
                Account(
                    id: "777777777777", name: "team-prod", email: "t@example.com", ouId: "ou-team",
                    ouPath: "Root/Missing/Team", environment: .prod)
            ])
        snapshot.version = 1
        let content = AccountsPresenter.content(snapshot, PresentationContext(snapshot: snapshot))
        #expect(content.rows.contains { $0.id == "777777777777" })
    }

    /// PI2 reaches api-prod only through its alarm; the Alerts pane shows it under "api",
    /// but the Accounts pane counts incidents by `Incident.accountId` alone.
    @Test func incidentsLinkedThroughTheirAlarmCountForTheAlarmsAccount() throws {
        let content = AccountsPresenter.content(F.snapshot, F.context())
        let api = try #require(content.rows.first { $0.id == F.apiProd })
        let alertsForApi = AlertsPresenter.alerts(F.snapshot, F.context())
            .filter { $0.accountId == F.apiProd && $0.incident.map { $0.status != .resolved } == true }
        #expect(alertsForApi.count == 1)
        #expect(api.cells[5] == .count(alertsForApi.count))
    }
}
