import Foundation
import OpsDeckCore

/// One workflow run as `GET /repos/{owner}/{repo}/actions/runs` lists it (the fields
/// OpsDeck shows).
public struct GitHubWorkflowRun: Sendable, Hashable, Decodable {
    /// Who started it.
    public struct Actor: Sendable, Hashable, Decodable {
        public var login: String
    }

    public var id: Int64
    /// The workflow's name (`CI`).
    public var name: String?
    /// The commit message or pull request title.
    public var displayTitle: String?
    /// `queued`, `in_progress`, `completed`, `waiting`, `requested`, `pending`.
    public var status: String?
    /// When completed: `success`, `failure`, `cancelled`, `timed_out`, `skipped`, ...
    public var conclusion: String?
    public var headSha: String?
    public var headBranch: String?
    /// `push`, `pull_request`, `schedule`, `workflow_dispatch`, ...
    public var event: String?
    /// The workflow file (`.github/workflows/ci.yml`).
    public var path: String?
    public var runAttempt: Int?
    public var runStartedAt: Date?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var htmlURL: String?
    public var actor: Actor?
    public var triggeringActor: Actor?

    enum CodingKeys: String, CodingKey {
        case id, name, status, conclusion, event, path, actor
        case displayTitle = "display_title"
        case headSha = "head_sha"
        case headBranch = "head_branch"
        case runAttempt = "run_attempt"
        case runStartedAt = "run_started_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case htmlURL = "html_url"
        case triggeringActor = "triggering_actor"
    }

    /// The status in OpsDeck's terms.
    public var runStatus: PipelineRun.Status {
        switch status {
        case "completed":
            switch conclusion {
            case "success", "neutral": .succeeded
            case "failure", "timed_out", "startup_failure": .failed
            case "cancelled": .stopped
            case "skipped", "stale": .superseded
            // action_required: waiting for someone to approve it.
            default: .queued
            }
        case "in_progress": .inProgress
        default: .queued
        }
    }

    /// What the Stage column shows: GitHub's word where it says more than the status
    /// (`waiting` for an environment's approval, `timed_out`), else nothing.
    public var stageLabel: String? {
        switch status {
        case "completed":
            switch conclusion {
            case "success", "failure", "cancelled", nil: return nil
            case let conclusion?: return conclusion
            }
        case "in_progress", "queued", nil: return nil
        case let status?: return status
        }
    }

    /// The event, who started it and the title: `push by octo-dev: Fix login`.
    public var triggerLabel: String? {
        var label = event ?? ""
        if let login = (triggeringActor ?? actor)?.login, !login.isEmpty {
            label += label.isEmpty ? login : " by \(login)"
        }
        if let title = displayTitle?.split(whereSeparator: \.isNewline).first, !title.isEmpty {
            label += label.isEmpty ? String(title) : ": \(title)"
        }
        return label.isEmpty ? nil : label
    }

    /// The OpsDeck model, in GitHub's cache scope, named `owner/repo: workflow`.
    public func pipelineRun(repository: String) -> PipelineRun {
        let workflow = name ?? path.map { ($0 as NSString).lastPathComponent } ?? "workflow"
        let started = runStartedAt ?? createdAt ?? updatedAt ?? Date(timeIntervalSince1970: 0)
        return PipelineRun(
            id: String(id), kind: .githubActions, accountId: GitHubSource.accountId,
            region: GitHubSource.region, name: "\(repository): \(workflow)", status: runStatus,
            stage: stageLabel, trigger: triggerLabel, commit: headSha, startedAt: started,
            finishedAt: status == "completed" ? (updatedAt ?? started) : nil, url: htmlURL)
    }
}
