import Foundation
import OpsDeckCore
import TerminalKit

@testable import OpsDeckUI

/// A small hand-built organization with fixed dates, and helpers to drive `AppState`.
///
/// Tree: Root { Security { audit }, Workloads { Dev { payments-dev }, Prod { api-prod, payments-prod } },
/// management }, plus `orphan` whose OU is unknown (suspended).
enum UIFixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }

    static let management = "111111111111"
    static let paymentsProd = "222222222222"
    static let apiProd = "333333333333"
    static let paymentsDev = "444444444444"
    static let audit = "555555555555"
    static let orphan = "666666666666"

    static let units = [
        OrganizationalUnit(id: "r-root", name: "Root", parentId: nil, path: "Root"),
        OrganizationalUnit(id: "ou-work", name: "Workloads", parentId: "r-root", path: "Root/Workloads"),
        OrganizationalUnit(id: "ou-prod", name: "Prod", parentId: "ou-work", path: "Root/Workloads/Prod"),
        OrganizationalUnit(id: "ou-dev", name: "Dev", parentId: "ou-work", path: "Root/Workloads/Dev"),
        OrganizationalUnit(id: "ou-sec", name: "Security", parentId: "r-root", path: "Root/Security"),
    ]

    static let accounts = [
        Account(
            id: management, name: "management", email: "m@example.com", ouId: "r-root", ouPath: "Root",
            environment: .unknown, isManagement: true),
        Account(
            id: paymentsProd, name: "payments-prod", email: "pp@example.com", ouId: "ou-prod",
            ouPath: "Root/Workloads/Prod", environment: .prod),
        Account(
            id: apiProd, name: "api-prod", email: "ap@example.com", ouId: "ou-prod",
            ouPath: "Root/Workloads/Prod",
            environment: .prod, alias: "api"),
        Account(
            id: paymentsDev, name: "payments-dev", email: "pd@example.com", ouId: "ou-dev",
            ouPath: "Root/Workloads/Dev", environment: .dev),
        Account(
            id: audit, name: "audit", email: "au@example.com", ouId: "ou-sec", ouPath: "Root/Security",
            environment: .security),
        Account(
            id: orphan, name: "orphan", email: "o@example.com", status: .suspended, ouId: "ou-gone",
            ouPath: "Root/Gone", environment: .unknown),
    ]

    static func alarmARN(_ account: String, _ region: String, _ name: String) -> String {
        "arn:aws:cloudwatch:\(region):\(account):alarm:\(name)"
    }

    static let alarms = [
        Alarm(
            arn: alarmARN(paymentsProd, "us-east-1", "payments-5xx-critical"), name: "payments-5xx-critical",
            accountId: paymentsProd, region: "us-east-1", state: .alarm, stateUpdatedAt: ago(600)),
        Alarm(
            arn: alarmARN(apiProd, "us-west-2", "api-latency-p2"), name: "api-latency-p2", accountId: apiProd,
            region: "us-west-2", state: .alarm, stateUpdatedAt: ago(3600)),
        Alarm(
            arn: alarmARN(paymentsDev, "us-east-1", "dev-cpu-warning"), name: "dev-cpu-warning",
            accountId: paymentsDev, region: "us-east-1", state: .ok, stateUpdatedAt: ago(100)),
        Alarm(
            arn: alarmARN(audit, "us-west-2", "audit-log-gap"), name: "audit-log-gap", accountId: audit,
            region: "us-west-2", state: .alarm, stateUpdatedAt: ago(120)),
        Alarm(
            arn: alarmARN(apiProd, "us-east-1", "db-disk-info"), name: "db-disk-info", accountId: apiProd,
            region: "us-east-1", state: .alarm, stateUpdatedAt: ago(60)),
    ]

    static let incidents = [
        Incident(
            id: "PI1", number: 101, title: "Payments 5xx", status: .triggered, urgency: .high, priority: "P1",
            serviceName: "payments", createdAt: ago(500), updatedAt: ago(500),
            alarmARN: alarmARN(paymentsProd, "us-east-1", "payments-5xx-critical"), accountId: paymentsProd,
            region: "us-east-1"),
        Incident(
            id: "PI2", number: 102, title: "ALARM: \"api-latency-p2\" in US West (Oregon)",
            status: .acknowledged,
            urgency: .high, serviceName: "api", createdAt: ago(3000), updatedAt: ago(100)),
        Incident(
            id: "PI3", number: 103, title: "Manual page: checkout slow", status: .triggered, urgency: .low,
            serviceName: "checkout", createdAt: ago(400), updatedAt: ago(400), accountId: paymentsProd),
        Incident(
            id: "PI4", number: 104, title: "Dev CPU", status: .resolved, urgency: .high, serviceName: "dev",
            createdAt: ago(7200), updatedAt: ago(7000),
            alarmARN: alarmARN(paymentsDev, "us-east-1", "dev-cpu-warning")),
        Incident(
            id: "PI5", number: 105, title: "Audit log gap", status: .resolved, urgency: .low,
            serviceName: "audit",
            createdAt: ago(3000), updatedAt: ago(2000), incidentKey: "audit-log-gap", accountId: audit),
    ]

    static let runs = [
        PipelineRun(
            id: "run-p1", kind: .codePipeline, accountId: paymentsProd, region: "us-east-1",
            name: "payments-deploy",
            status: .succeeded, stage: "Deploy", trigger: "push", commit: "0123456789abcdef",
            startedAt: ago(7200), finishedAt: ago(6900)),
        PipelineRun(
            id: "run-p2", kind: .githubActions, accountId: apiProd, region: "us-west-2", name: "api-ci",
            status: .failed, startedAt: ago(1800), finishedAt: ago(1500)),
        PipelineRun(
            id: "run-p3", kind: .codeBuild, accountId: paymentsDev, region: "us-east-1", name: "dev-build",
            status: .inProgress, startedAt: ago(300)),
        PipelineRun(
            id: "run-p4", kind: .ecsDeployment, accountId: audit, region: "us-west-2", name: "audit-svc",
            status: .failed, startedAt: ago(900), finishedAt: ago(850)),
        PipelineRun(
            id: "run-p5", kind: .codePipeline, accountId: paymentsProd, region: "us-east-1",
            name: "payments-deploy",
            status: .queued, startedAt: ago(60)),
    ]

    static func role(_ name: String, _ account: String, trust: String = "sso", breakGlass: Bool = false)
        -> Role
    {
        Role(
            accountId: account, name: name, arn: "arn:aws:iam::\(account):role/\(name)",
            path: breakGlass ? "/breakglass/" : "/", trustPolicy: trust, lastUsedAt: ago(86_400),
            isBreakGlass: breakGlass)
    }

    static let roles: [Role] = {
        var roles: [Role] = []
        for account in [paymentsProd, apiProd, paymentsDev] {
            roles.append(role("OrganizationAccountAccessRole", account))
        }
        roles.append(role("OrganizationAccountAccessRole", audit, trust: "anyone"))
        for account in [management, paymentsProd, apiProd, paymentsDev, audit] {
            roles.append(role("ReadOnly", account))
        }
        roles.append(role("BreakGlass", paymentsProd, breakGlass: true))
        roles.append(role("BreakGlass", apiProd, breakGlass: true))
        return roles
    }()

    static func line(_ key: String, _ mtd: Double, _ last: Double, label: String = "") -> CostSummary.Line {
        CostSummary.Line(
            key: key, label: label, monthToDate: mtd, lastMonthSameDays: last, lastMonthTotal: last * 2,
            daily: [1, 2, 3, 4])
    }

    static let cost = CostSummary(
        monthToDate: 2115.5, lastMonthSameDays: 2000, lastMonthTotal: 4000, forecast: 4200,
        daily: [60, 70, 80],
        byAccount: [
            line(paymentsDev, 99.5, 100), line(paymentsProd, 1200.5, 1000), line(apiProd, 800, 900),
            line(audit, 10, 0), line(management, 5, 5),
        ],
        byService: [
            line("AmazonEC2", 1500, 1400), line("AmazonS3", 300, 310), line("AWSLambda", 315.5, 200),
        ],
        budgets: [Budget(accountId: paymentsProd, name: "prod", limit: 1000, actual: 1200.5)])

    static let statuses = Source.allCases.map {
        SourceStatus(
            source: $0, accountId: "*", region: "global", lastAttemptAt: ago(30), lastSuccessAt: ago(30))
    }

    static let snapshot = OrgSnapshot(
        organization: OrganizationInfo(
            organizationId: "o-test", managementAccountId: management, managementAccountName: "management",
            callerARN: "arn:aws:sts::111111111111:assumed-role/Ops/me", profile: "ops",
            regions: ["us-east-1", "us-west-2"]),
        units: units, accounts: accounts, roles: roles, pipelineRuns: runs, alarms: alarms,
        incidents: incidents,
        cost: cost, statuses: statuses, version: 1)

    static let theme = Theme(name: "test", styles: [:])

    static let dashboardSize = Size(width: 120, height: 40)

    /// A console on the fixture organization, at dashboard size, focused on Alerts.
    static func state(size: Size = dashboardSize) -> AppState {
        var state = AppState(
            size: size, now: now, theme: theme, themeNames: ["default", "light", "solarized-dark"])
        _ = state.reduce(.snapshot(snapshot))
        return state
    }

    static func context(_ region: String? = nil) -> PresentationContext {
        PresentationContext(snapshot: snapshot, region: region)
    }
}

extension AppState {
    /// Sends each key in turn and returns every effect they produced.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(.key($0)) }
    }

    /// Types text one character at a time.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { reduce(.key(.character($0))) }
    }

    var visibleIds: [String] { visibleIds(focus) }

    func visibleIds(_ id: PaneID) -> [String] {
        let pane = pane(id)
        return pane.visible.map { pane.content.rows[$0].id }
    }

    var isNormal: Bool { if case .normal = mode { true } else { false } }

    /// The text of the open filter or command line, if one is open.
    var inputText: String? {
        switch mode {
        case .filter(let field), .command(let field): field.text
        default: nil
        }
    }
}
