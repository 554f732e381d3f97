import Foundation
import OpsDeckCore
import Testing

@Suite struct ModelTests {
    typealias F = CoreFixtures

    @Test(arguments: [
        (200.0, 50.0, 25.0, false),
        (100, 100, 100, false),
        (100, 100.01, 100.01, true),
        (100, 250, 250, true),
        (0, 10, 0, true),
        (0, 0, 0, false),
    ])
    func budget(limit: Double, actual: Double, percent: Double, breached: Bool) {
        let budget = Budget(accountId: "1", name: "monthly", limit: limit, actual: actual)
        #expect(abs(budget.percentUsed - percent) < 1e-9)
        #expect(budget.isBreached == breached)
        #expect(budget.id == "1/monthly")
    }

    @Test func pipelineDurationToTheFinish() {
        let run = PipelineRun(
            id: "r", kind: .codeBuild, accountId: "1", region: "us-east-1", name: "build", status: .succeeded,
            startedAt: F.ago(600), finishedAt: F.ago(480))
        #expect(run.duration(now: F.now) == 120)
        #expect(run.duration(now: F.now.addingTimeInterval(9999)) == 120)
    }

    @Test func pipelineDurationWhileRunningIsToNow() {
        let run = PipelineRun(
            id: "r", kind: .githubActions, accountId: "1", region: "us-east-1", name: "ci",
            status: .inProgress,
            startedAt: F.ago(75))
        #expect(run.duration(now: F.now) == 75)
    }

    @Test func pipelineDurationIsNeverNegative() {
        let skewed = PipelineRun(
            id: "r", kind: .ecsDeployment, accountId: "1", region: "us-east-1", name: "svc",
            status: .succeeded,
            startedAt: F.now, finishedAt: F.ago(5))
        #expect(skewed.duration(now: F.now) == 0)
        let future = PipelineRun(
            id: "r", kind: .ecsDeployment, accountId: "1", region: "us-east-1", name: "svc", status: .queued,
            startedAt: F.now.addingTimeInterval(30))
        #expect(future.duration(now: F.now) == 0)
    }

    @Test func pipelineStatusRankPutsFailuresFirst() {
        let sorted = PipelineRun.Status.allCases.sorted { $0.rank < $1.rank }
        #expect(sorted == [.failed, .inProgress, .queued, .stopped, .superseded, .succeeded])
        #expect(PipelineRun.Kind.allCases.map(\.label) == ["CodePipeline", "CodeBuild", "GitHub", "ECS"])
    }

    @Test(arguments: [
        (110.0, 100.0, 10.0 as Double?),
        (50, 100, -50),
        (100, 100, 0),
        (0, 100, -100),
        (10, 0, nil),
        (0, 0, nil),
    ])
    func costChangePercent(monthToDate: Double, lastMonthSameDays: Double, expected: Double?) {
        let line = CostSummary.Line(
            key: "1", label: "", monthToDate: monthToDate, lastMonthSameDays: lastMonthSameDays,
            lastMonthTotal: 0,
            daily: [])
        if let expected {
            #expect(line.changePercent.map { abs($0 - expected) < 1e-9 } == true)
        } else {
            #expect(line.changePercent == nil)
        }
        #expect(line.id == "1")
    }

    @Test func accountDisplayNameAndProduction() {
        var account = Account(
            id: "1", name: "payments-prod", email: "a@example.com", ouId: "ou", ouPath: "Root/Prod",
            environment: .prod)
        #expect(account.displayName == "payments-prod")
        #expect(account.isProduction)
        account.alias = "payments"
        #expect(account.displayName == "payments")
        account.environment = .staging
        #expect(!account.isProduction)
    }

    @Test func billingAlarm() {
        var alarm = F.alarm("billing")
        #expect(!alarm.isBillingAlarm)
        alarm.namespace = "AWS/Billing"
        alarm.metricName = "EstimatedCharges"
        #expect(alarm.isBillingAlarm)
        #expect(alarm.id == alarm.arn)
    }

    @Test(arguments: [("Root", 0), ("Root/Workloads", 1), ("Root/Workloads/Prod", 2)])
    func organizationalUnitDepth(path: String, depth: Int) {
        #expect(OrganizationalUnit(id: "ou", name: "x", parentId: nil, path: path).depth == depth)
    }

    @Test func resolvedButStillFiringNeedsBoth() {
        let firing = F.alarm("a")
        var alert = Alert(
            id: "x", severity: .high, sources: [.pagerDuty, .cloudWatch], accountId: nil, region: nil,
            title: "t",
            status: "resolved", since: F.now, alarm: firing, incident: F.incident("P", status: .resolved))
        #expect(alert.isResolvedButStillFiring)
        alert.alarm?.state = .ok
        #expect(!alert.isResolvedButStillFiring)
        alert.alarm = nil
        #expect(!alert.isResolvedButStillFiring)
        alert.alarm = firing
        alert.incident?.status = .acknowledged
        #expect(!alert.isResolvedButStillFiring)
    }
}
