import Foundation
import OpsDeckCore

extension DemoOrganization {
    static let largePipelineRunCount = 20_000

    private static let pipelineStages = [
        "Source", "Build", "Test", "Deploy-Staging", "Approve", "Deploy-Prod",
    ]
    private static let developers = [
        "alice", "bob", "chen", "dana", "erik", "fatima", "kofi", "lena", "mateo",
    ]
    /// First lines of commit messages, as revision summaries and run titles show them.
    private static let commitMessages = [
        "Merge pull request #412 from acme/retry-budget", "Bump base image to 2026-11",
        "Fix idempotency key on retries", "Raise ledger writer pool to 32", "Add canary alarm to deploy",
        "Roll back feature flag for new checkout", "Tighten IAM policy for the worker role",
    ]

    /// Mints run ids: random where AWS's are, sequential where GitHub's are (and so unique).
    private struct RunIds {
        var githubRun = 9_120_000_000

        mutating func id(for kind: PipelineRun.Kind, name: String, rng: inout SplitMix64) -> String {
            switch kind {
            case .codePipeline:
                return "\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12))"
            case .codeBuild:
                return "\(name):\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12))"
            case .githubActions:
                githubRun += rng.int(1...40)
                return String(githubRun)
            case .ecsDeployment:
                return
                    "ecs-svc/\(rng.int(1_000_000_000...9_999_999_999))\(rng.int(100_000_000...999_999_999))"
            }
        }
    }

    /// One run as a story step: how long ago it started and how it ended.
    private struct RunPlan {
        var status: PipelineRun.Status
        var startedMinutesAgo: Double
        var stage: String?
    }

    static func makePipelineRuns(size: DemoSize, org: GeneratedOrg, seed: UInt64, clock: DemoClock)
        -> [PipelineRun]
    {
        var rng = SplitMix64(seed: seed, stream: "pipelines")
        var ids = RunIds()
        var runs: [PipelineRun] = []
        runs.reserveCapacity(size == .large ? largePipelineRunCount : 200)

        for app in workloadApps {
            guard let prod = org.member(named: "\(app)-prod")?.account else { continue }
            let dev = org.member(named: "\(app)-dev")?.account ?? prod
            let staging = org.member(named: "\(app)-staging")?.account
            for plan in codePipelineStory(app: app) {
                runs.append(
                    run(
                        .codePipeline, name: "\(app)-service", account: prod, region: "us-east-1", plan: plan,
                        ids: &ids, rng: &rng, clock: clock))
            }
            for index in 0..<8 {
                let status: PipelineRun.Status =
                    index == 0
                    ? (app == "data" ? .failed : .inProgress)
                    : index == 1 && app == "checkout" ? .queued : index == 3 ? .failed : .succeeded
                let plan = RunPlan(
                    status: status, startedMinutesAgo: Double(index) * 170 + rng.double(2...40))
                runs.append(
                    run(
                        .codeBuild, name: "\(app)-unit-tests", account: dev, region: "us-east-1", plan: plan,
                        ids: &ids, rng: &rng, clock: clock))
            }
            for index in 0..<6 {
                let status: PipelineRun.Status =
                    index == 0 && app == "payments"
                    ? .failed
                    : index == 0 && app == "identity" ? .inProgress : index == 2 ? .superseded : .succeeded
                let plan = RunPlan(
                    status: status, startedMinutesAgo: Double(index) * 300 + rng.double(5...90))
                runs.append(
                    run(
                        .githubActions, name: "acme/\(app)-service: deploy.yml", account: prod,
                        region: "us-east-1",
                        plan: plan, ids: &ids, rng: &rng, clock: clock))
            }
            var ecsTargets = regions.map { (prod, $0) }
            if let staging { ecsTargets.append((staging, "us-east-1")) }
            for (account, region) in ecsTargets {
                for index in 0..<4 {
                    let status: PipelineRun.Status =
                        index == 0 && app == "checkout" && region == "us-west-2"
                        ? .failed
                        : index == 0 && app == "payments" && account.id == prod.id ? .inProgress : .succeeded
                    let plan = RunPlan(
                        status: status, startedMinutesAgo: Double(index) * 1_440 + rng.double(4...200))
                    runs.append(
                        run(
                            .ecsDeployment, name: "\(app)-api", account: account, region: region, plan: plan,
                            ids: &ids, rng: &rng, clock: clock))
                }
            }
        }
        if size == .large {
            fillLargeRuns(&runs, org: org, ids: &ids, rng: &rng, clock: clock)
        }
        return runs
    }

    /// Each app's pipeline tells a different story: deploying, broken, green, superseded, stopped.
    private static func codePipelineStory(app: String) -> [RunPlan] {
        let latest: RunPlan
        switch app {
        case "payments": latest = RunPlan(status: .inProgress, startedMinutesAgo: 18, stage: "Deploy-Prod")
        case "checkout": latest = RunPlan(status: .failed, startedMinutesAgo: 64, stage: "Deploy-Staging")
        case "data": latest = RunPlan(status: .superseded, startedMinutesAgo: 45, stage: "Test")
        case "identity": latest = RunPlan(status: .stopped, startedMinutesAgo: 300, stage: "Approve")
        default: latest = RunPlan(status: .succeeded, startedMinutesAgo: 130, stage: "Deploy-Prod")
        }
        var plans = [latest]
        if app == "data" { plans.append(RunPlan(status: .inProgress, startedMinutesAgo: 12, stage: "Build")) }
        for day in 1...5 {
            plans.append(
                RunPlan(
                    status: day == 3 ? .failed : .succeeded, startedMinutesAgo: Double(day) * 1_440 + 60,
                    stage: day == 3 ? "Test" : "Deploy-Prod"))
        }
        return plans
    }

    /// A developer's commit message, without drawing from the generator, so adding the
    /// messages did not move any other generated value.
    private static func message(by developer: String) -> String {
        commitMessages[(developers.firstIndex(of: developer) ?? 0) % commitMessages.count]
    }

    private static func run(
        _ kind: PipelineRun.Kind, name: String, account: Account, region: String, plan: RunPlan,
        ids: inout RunIds, rng: inout SplitMix64, clock: DemoClock
    ) -> PipelineRun {
        let id = ids.id(for: kind, name: name, rng: &rng)
        let started = clock.minutesAgo(plan.startedMinutesAgo)
        let minutes: Double
        switch kind {
        case .codePipeline: minutes = rng.double(12...40)
        case .codeBuild: minutes = rng.double(2...12)
        case .githubActions: minutes = rng.double(1...15)
        case .ecsDeployment: minutes = rng.double(3...20)
        }
        let running = plan.status == .inProgress || plan.status == .queued
        let finished = running ? nil : min(clock.now, started.addingTimeInterval(minutes * 60))
        let developer = rng.pick(developers)
        let trigger: String
        let stage: String?
        let url: String
        switch kind {
        case .codePipeline:
            // As the live provider labels them: trigger type, who, and the revision summary.
            trigger =
                rng.chance(0.8)
                ? "Webhook: \(message(by: developer))" : "StartPipelineExecution by \(developer)"
            stage = plan.stage ?? (plan.status == .succeeded ? "Deploy-Prod" : rng.pick(pipelineStages))
            url =
                "https://\(region).console.aws.amazon.com/codesuite/codepipeline/pipelines/\(name)"
                + "/executions/\(id)"
                + "/timeline?region=\(region)"
        case .codeBuild:
            trigger = rng.chance(0.6) ? "CodePipeline" : "webhook: PR #\(rng.int(200...2_400))"
            stage =
                plan.status == .succeeded
                ? "COMPLETED" : plan.status == .queued ? "QUEUED" : rng.pick(["BUILD", "POST_BUILD"])
            url =
                "https://\(region).console.aws.amazon.com/codesuite/codebuild/\(account.id)/projects/"
                + "\(name.split(separator: ":").first.map(String.init) ?? name)/build/\(id)/?region=\(region)"
        case .githubActions:
            let roll = rng.int(0...9)
            let title = message(by: developer)
            trigger =
                roll < 6
                ? "push by \(developer): \(title)"
                : roll < 8
                    ? "pull_request #\(rng.int(200...2_400)) by \(developer): \(title)"
                    : roll < 9 ? "workflow_dispatch by \(developer)" : "schedule by \(developer)"
            stage = plan.status == .succeeded ? "deploy" : rng.pick(["build", "test", "deploy"])
            let repo = name.split(separator: ":").first.map(String.init) ?? name
            url = "https://github.com/\(repo)/actions/runs/\(id)"
        case .ecsDeployment:
            trigger = rng.chance(0.7) ? "UpdateService by DeployRole" : "CodeDeploy"
            stage =
                plan.status == .failed
                ? "ROLLED_BACK (circuit breaker)"
                : running ? "IN_PROGRESS \(rng.int(1...5))/6 tasks" : "COMPLETED"
            url =
                "https://\(region).console.aws.amazon.com/ecs/v2/clusters/\(name)/services/\(name)"
                + "/deployments"
        }
        // GitHub runs belong to no AWS account: the live refresh stores them as github/global.
        let scope = kind == .githubActions ? ("github", "global") : (account.id, region)
        return PipelineRun(
            id: id, kind: kind, accountId: scope.0, region: scope.1, name: name, status: plan.status,
            stage: stage, trigger: trigger, commit: rng.hex(7), startedAt: started, finishedAt: finished,
            url: url)
    }

    /// Runs of the generated accounts, to exactly 20,000, mostly green and spread over 30 days.
    private static func fillLargeRuns(
        _ runs: inout [PipelineRun], org: GeneratedOrg, ids: inout RunIds, rng: inout SplitMix64,
        clock: DemoClock
    ) {
        let standardNames = Set(standardSpecs.map(\.name))
        let members = org.active.filter { member in
            !standardNames.contains(member.account.name) && member.app != nil
        }
        guard !members.isEmpty else { return }
        let kinds = PipelineRun.Kind.allCases
        var index = 0
        while runs.count < largePipelineRunCount {
            let member = members[index % members.count]
            let kind = kinds[(index / members.count) % kinds.count]
            index += 1
            let app = member.app ?? member.team
            let name: String
            switch kind {
            case .codePipeline: name = "\(app)-pipeline"
            case .codeBuild: name = "\(app)-build"
            case .githubActions: name = "acme/\(app): ci.yml"
            case .ecsDeployment: name = app
            }
            let roll = rng.unit()
            let plan: RunPlan
            if roll < 0.02 {
                plan = RunPlan(status: .inProgress, startedMinutesAgo: rng.double(1...40))
            } else if roll < 0.03 {
                plan = RunPlan(status: .queued, startedMinutesAgo: rng.double(0...5))
            } else {
                let status: PipelineRun.Status =
                    roll < 0.09 ? .failed : roll < 0.12 ? .superseded : roll < 0.14 ? .stopped : .succeeded
                plan = RunPlan(status: status, startedMinutesAgo: rng.double(45...(30 * 24 * 60)))
            }
            runs.append(
                run(
                    kind, name: name, account: member.account,
                    region: rng.chance(0.7) ? "us-east-1" : "us-west-2",
                    plan: plan, ids: &ids, rng: &rng, clock: clock))
        }
    }
}
