import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckUI

/// GitHub Actions runs beside AWS runs in the Pipelines pane: failures first, and an
/// account column that says GitHub rather than a raw scope id.
@Suite struct PipelinesPresenterGitHubTests {
    static let now = Date(timeIntervalSince1970: 1_795_170_000)
    static let prod = "222222222222"

    static func run(
        _ id: String, _ kind: PipelineRun.Kind, _ status: PipelineRun.Status, minutesAgo: Double,
        account: String = prod, region: String = "us-east-1"
    ) -> PipelineRun {
        PipelineRun(
            id: id, kind: kind, accountId: account, region: region, name: "name-\(id)", status: status,
            stage: status == .failed ? "Deploy" : nil, trigger: "push by octo-dev: Fix",
            commit: "a1b2c3d4e5f6",
            startedAt: now.addingTimeInterval(-minutesAgo * 60),
            finishedAt: status == .inProgress ? nil : now.addingTimeInterval(-minutesAgo * 60 + 300))
    }

    static let snapshot = OrgSnapshot(
        accounts: [
            Account(
                id: prod, name: "payments-prod", email: "p@example.com", status: .active, ouId: "ou-1",
                ouPath: "Root/Prod", environment: .prod)
        ],
        pipelineRuns: [
            run("gh-new-ok", .githubActions, .succeeded, minutesAgo: 1, account: "github", region: "global"),
            run("cp-running", .codePipeline, .inProgress, minutesAgo: 5),
            run("gh-failed", .githubActions, .failed, minutesAgo: 30, account: "github", region: "global"),
            run("cp-failed", .codePipeline, .failed, minutesAgo: 10),
            run("cb-ok", .codeBuild, .succeeded, minutesAgo: 60),
        ])

    @Test func failuresComeFirstThenRunningThenTheRestNewestFirst() {
        let content = PipelinesPresenter.content(Self.snapshot, PresentationContext(snapshot: Self.snapshot))
        #expect(content.rows.map(\.id) == ["cp-failed", "gh-failed", "cp-running", "gh-new-ok", "cb-ok"])
    }

    @Test func gitHubRunsShowGitHubAsTheirAccountAndStayInARegionFilter() throws {
        let context = PresentationContext(snapshot: Self.snapshot, region: "us-east-1")
        let content = PipelinesPresenter.content(Self.snapshot, context)
        let failed = try #require(content.rows.first { $0.id == "gh-failed" })
        #expect(failed.cells[1] == .text("GitHub"))
        #expect(failed.cells[3] == .text("GitHub"))
        #expect(failed.cells[4] == .text("global"))
        #expect(failed.cells[7] == .text("a1b2c3d"))
        let aws = try #require(content.rows.first { $0.id == "cp-failed" })
        #expect(aws.cells[3] != .text("GitHub"))

        let detail = Dictionary(
            PipelinesPresenter.detail("gh-failed", Self.snapshot, context).map { ($0.0, $0.1) }
        ) { first, _ in first }
        #expect(detail["Account"] == "GitHub (no AWS account)")
        #expect(detail["Trigger"] == "push by octo-dev: Fix")
    }
}
