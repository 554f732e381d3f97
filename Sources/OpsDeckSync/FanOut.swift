import AWSClient
import Foundation
import Synchronization

/// Runs per-account work with each member account's read-role credentials, a bounded
/// number at a time.
///
/// Credentials come from assuming `arn:aws:iam::<id>:role/<memberRoleName>` with the
/// management credentials; each account's are cached (and refreshed before they expire)
/// for the life of the fan-out, so every source of one refresh shares one AssumeRole. The
/// management account itself is read with the management credentials.
public final class FanOut: Sendable {
    /// Signed with the management account's credentials.
    public let management: AWSClientCore
    /// The management account's id.
    public let managementAccountId: String
    /// The role assumed in members.
    public let memberRoleName: String
    /// How many jobs run at once.
    public let maxConcurrency: Int
    /// The session name of the assumed roles.
    public let sessionName: String
    private let providers = Mutex<[String: CachingCredentialProvider]>([:])

    /// Creates a fan-out.
    public init(
        management: AWSClientCore, managementAccountId: String,
        memberRoleName: String = "OrganizationAccountAccessRole", maxConcurrency: Int = 16,
        sessionName: String = "opsdeck-refresh"
    ) {
        self.management = management
        self.managementAccountId = managementAccountId
        self.memberRoleName = memberRoleName
        self.maxConcurrency = max(1, maxConcurrency)
        self.sessionName = sessionName
    }

    /// The read role of `accountId`.
    public func roleArn(for accountId: String) -> String {
        "arn:aws:iam::\(accountId):role/\(memberRoleName)"
    }

    /// A client core that reads `accountId` in `region`.
    public func core(for accountId: String, region: String) -> AWSClientCore {
        guard accountId != managementAccountId else {
            return management.with(region: region)
        }
        let provider = providers.withLock { providers in
            if let existing = providers[accountId] { return existing }
            let created = CachingCredentialProvider(assumeRoleProvider(for: accountId))
            providers[accountId] = created
            return created
        }
        return management.with(credentials: provider, accountId: accountId, profile: management.profile)
            .with(region: region)
    }

    private func assumeRoleProvider(for accountId: String) -> AssumeRoleCredentialProvider {
        let management = self.management
        let managementAccountId = self.managementAccountId
        let arn = roleArn(for: accountId)
        return AssumeRoleCredentialProvider(
            role: .init(arn: arn, sessionName: sessionName),
            source: management.credentialProvider,
            makeAssumer: { source in
                let core = management.with(
                    credentials: source ?? management.credentialProvider, accountId: managementAccountId,
                    profile: management.profile)
                return STSRoleAssumer(client: STSClient(core: core))
            },
            label: "role \(arn) assumed from the management account",
            profileName: management.profile ?? "-")
    }

    /// Runs `body` for every job, at most `maxConcurrency` at once, and returns when all
    /// have finished. `body` handles its own failures, so one job's failure never stops
    /// the others.
    public func run<Job: Sendable>(_ jobs: [Job], _ body: @escaping @Sendable (Job) async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            var next = jobs.startIndex
            while next < jobs.endIndex, next - jobs.startIndex < maxConcurrency {
                let job = jobs[next]
                group.addTask { await body(job) }
                next += 1
            }
            while await group.next() != nil {
                guard next < jobs.endIndex else { continue }
                let job = jobs[next]
                group.addTask { await body(job) }
                next += 1
            }
        }
    }
}
