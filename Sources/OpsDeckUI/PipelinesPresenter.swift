import OpsDeckCore

/// The Pipelines pane: recent runs of every kind, failures first.
public enum PipelinesPresenter {
    public static let columns = [
        PaneColumn("Status", width: 11),
        PaneColumn("Kind", width: 12, priority: 2),
        PaneColumn("Name", width: 24, flexible: true),
        PaneColumn("Account", width: 18),
        PaneColumn("Region", width: 9, priority: 3),
        PaneColumn("Stage", width: 10, priority: 1),
        PaneColumn("Trigger", width: 12, priority: 3),
        PaneColumn("Commit", width: 7, priority: 2),
        PaneColumn("Took", width: 8, alignment: .right, priority: 1),
        PaneColumn("Age", width: 4, alignment: .right),
    ]

    public static func role(for status: PipelineRun.Status) -> ThemeRole? {
        switch status {
        case .failed: .pipelineFailed
        case .inProgress, .queued: .pipelineRunning
        case .succeeded: .pipelineSucceeded
        case .stopped, .superseded: .muted
        }
    }

    static func label(for status: PipelineRun.Status) -> String {
        status == .inProgress ? "in progress" : status.rawValue
    }

    /// The cache scope of GitHub Actions runs, which belong to no AWS account.
    static let gitHubAccountId = "github"

    /// The Account column: the account's name, or "GitHub" for workflow runs.
    static func accountLabel(_ run: PipelineRun, _ context: PresentationContext) -> String {
        run.accountId == gitHubAccountId && context.accountsById[run.accountId] == nil
            ? "GitHub" : context.accountName(run.accountId)
    }

    public static func content(_ snapshot: OrgSnapshot, _ context: PresentationContext) -> PaneContent {
        // Failures first, then newest first: indices bucketed by status and sorted by
        // start within each bucket, so 20,000 runs are never copied around by a sort.
        let all = snapshot.pipelineRuns
        var buckets = Array(repeating: [Int](), count: PipelineRun.Status.allCases.count)
        for index in all.indices where context.includes(region: all[index].region) {
            buckets[all[index].status.rank].append(index)
        }
        var order: [Int] = []
        order.reserveCapacity(all.count)
        for bucket in buckets {
            // The cache hands runs out newest first; sorting an already sorted bucket is linear.
            order += bucket.sorted { all[$0].startedAt > all[$1].startedAt }
        }
        let rows = order.map { index in
            let run = all[index]
            let prod = context.isProduction(run.accountId)
            var cellRoles: CellRoles = [:]
            if let role = role(for: run.status) { cellRoles[0] = role }
            if prod { cellRoles[3] = .prodText }
            return PaneRow(
                id: run.id,
                cells: [
                    .text(label(for: run.status)),
                    .text(run.kind.label),
                    .text(run.name), .text(accountLabel(run, context)), .text(run.region),
                    .text(run.stage ?? "-"), .text(run.trigger ?? "-"),
                    .text(run.commit.map { String($0.prefix(7)) } ?? "-"),
                    run.finishedAt.map { .duration(max(0, $0.timeIntervalSince(run.startedAt))) }
                        ?? .running(since: run.startedAt),
                    .age(run.startedAt),
                ],
                cellRoles: cellRoles, isProduction: prod)
        }
        return PaneContent(columns: columns, rows: rows, emptyMessage: "No pipeline runs yet")
    }

    public static func detail(_ id: String, _ snapshot: OrgSnapshot, _ context: PresentationContext) -> [(
        String, String
    )] {
        guard let run = snapshot.pipelineRuns.first(where: { $0.id == id }) else { return [] }
        return [
            ("Name", run.name), ("Kind", run.kind.label), ("Status", run.status.rawValue), ("Run", run.id),
            (
                "Account",
                accountLabel(run, context) == "GitHub"
                    ? "GitHub (no AWS account)" : context.accountName(run.accountId) + " (\(run.accountId))"
            ),
            ("Region", run.region),
            ("Stage", run.stage ?? "-"), ("Trigger", run.trigger ?? "-"), ("Commit", run.commit ?? "-"),
            ("Started", "\(run.startedAt)"), ("Finished", run.finishedAt.map { "\($0)" } ?? "still running"),
            ("URL", run.url ?? "-"),
        ]
    }
}
