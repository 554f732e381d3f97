import AWSClient
import Foundation
import Logging
import OpsDeckCache
import OpsDeckCore
import Synchronization

/// Refreshes the cache from AWS: the organization through the management account, then
/// every active account (and region) through its read role, a bounded number at a time.
///
/// Each fetch is written in its own transaction (`CacheDatabase.replace`); a failed fetch
/// is recorded in the cache's source status with a message naming the account, the
/// region and what to do, and the other fetches carry on.
public final class Refresher: Sendable {
    /// The sources a refresh reads from AWS today.
    public static let supportedSources: Set<Source> = [
        .organizations, .roles, .alarms, .pipelines, .cost,
    ]

    /// Signed with the management account's credentials.
    public let management: AWSClientCore
    /// Where results go.
    public let cache: CacheDatabase
    /// Roles, regions and concurrency.
    public let configuration: SyncConfiguration
    let now: @Sendable () -> Date

    /// Creates a refresher.
    /// - Parameters:
    ///   - management: a client core with the management account's credentials, region and
    ///     endpoints; its logger receives one line per failed fetch.
    ///   - now: the time fetches are stamped with.
    public init(
        management: AWSClientCore, cache: CacheDatabase,
        configuration: SyncConfiguration = SyncConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.management = management
        self.cache = cache
        self.configuration = configuration
        self.now = now
    }

    /// Refreshes `sources` (those outside `supportedSources` are ignored).
    ///
    /// Without `.organizations`, the accounts come from the cache. When the organization
    /// cannot be read with an authentication or permission failure of the management
    /// credentials, nothing else is tried: every other call would fail the same way.
    ///
    /// - Parameter progress: called with fetches done and fetches known so far; the total
    ///   grows once the organization (and so the account count) is known.
    /// - Returns: what succeeded and what failed; never throws.
    public func refresh(
        only sources: Set<Source> = Refresher.supportedSources,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async -> RefreshReport {
        let sources = sources.intersection(Self.supportedSources)
        let state = RefreshState()
        guard !sources.isEmpty else { return RefreshReport() }
        if sources.contains(.pipelines), let gitHub = configuration.gitHub {
            await refreshGitHub(gitHub, state: state)
        }
        var organization: OrganizationSnapshot?
        var managementAccountId: String?
        var cachedAliases: [String: String] = [:]
        let cached = try? cache.snapshot(now: now())
        for account in cached?.accounts ?? [] {
            if let alias = account.alias { cachedAliases[account.id] = alias }
        }

        if sources.contains(.organizations) {
            progress(0, 1)
            let provider = OrganizationProvider(core: management)
            do {
                let fetched = try await provider.fetch(
                    profile: configuration.profile, regions: configuration.regions)
                try OrganizationProvider.write(fetched, aliases: cachedAliases, to: cache, at: now())
                organization = fetched
                managementAccountId = fetched.info.managementAccountId
                state.succeed()
            } catch {
                // Cancelled (the console closed): not the management account's fault.
                if Task.isCancelled { return state.report }
                let accountId =
                    cached?.organization?.managementAccountId ?? management.accountId ?? "management"
                let stops = (error as? AWSClientError).map(Self.stopsEverything) ?? false
                // Bad keys carry their own hint; anything else may be the wrong account.
                let advice =
                    stops
                    ? "Nothing else was refreshed: every call would fail the same way."
                    : "Use credentials of the organization's management account (or a delegated "
                        + "administrator) allowed organizations:Describe*/List* and sts:GetCallerIdentity."
                record(
                    .organizations, accountId: accountId, region: CacheDatabase.globalRegion, error: error,
                    what: "Reading the organization with the management credentials (\(credentialsLabel))",
                    advice: advice, state: state)
                if stops {
                    return state.report
                }
            }
            state.done(progress: progress, total: 1)
        }

        let accounts: [Account]
        if let organization {
            accounts = organization.activeAccounts
        } else {
            accounts = (cached?.accounts ?? []).filter { $0.status == .active }
            managementAccountId = cached?.organization?.managementAccountId ?? management.accountId
        }
        let perAccount = sources.subtracting([.organizations]).map(\.rawValue).sorted()
        guard let managementAccountId, organization != nil || !accounts.isEmpty else {
            // When this run read the organization and failed, that failure says it all.
            if !sources.contains(.organizations),
                let first = perAccount.first.flatMap(Source.init(rawValue:))
            {
                let message =
                    "No accounts to refresh \(perAccount.joined(separator: ", ")) in: the organization "
                    + "is not in the cache yet. Refresh the organizations source first."
                state.fail(.init(source: first, accountId: "*", region: "*", message: message))
            }
            return state.report
        }
        let jobs = Self.jobs(
            for: sources, accounts: accounts, regions: configuration.regions,
            managementAccountId: managementAccountId)
        guard !jobs.isEmpty else { return state.report }
        let total = state.doneCount + jobs.count
        progress(state.doneCount, total)
        let fanOut = FanOut(
            management: management, managementAccountId: managementAccountId,
            memberRoleName: configuration.memberRoleName, maxConcurrency: configuration.maxConcurrency,
            sessionName: configuration.sessionName)
        await fanOut.run(jobs) { job in
            await self.run(job, fanOut: fanOut, state: state)
            state.done(progress: progress, total: total)
        }

        // Organizations does not know aliases; the roles fetch does. Write them onto the
        // accounts just read, so the Accounts pane shows them.
        if let organization, !state.aliases.isEmpty {
            try? OrganizationProvider.write(
                organization, aliases: cachedAliases.merging(state.aliases) { _, new in new }, to: cache,
                at: now())
        }
        return state.report
    }

    /// One fetch of the fan-out.
    struct Job: Sendable {
        var source: Source
        var account: Account
        var region: String
    }

    static func jobs(
        for sources: Set<Source>, accounts: [Account], regions: [String], managementAccountId: String?
    ) -> [Job] {
        var jobs: [Job] = []
        // Cost Explorer and Budgets answer for the whole organization through the management
        // account; the slowest single job, so it starts first.
        if sources.contains(.cost), let management = accounts.first(where: { $0.id == managementAccountId }) {
            jobs.append(Job(source: .cost, account: management, region: CacheDatabase.globalRegion))
        }
        if sources.contains(.roles) {
            jobs += accounts.map { Job(source: .roles, account: $0, region: CacheDatabase.globalRegion) }
        }
        for source in [Source.alarms, .pipelines] where sources.contains(source) {
            for account in accounts {
                jobs += regions.map { Job(source: source, account: account, region: $0) }
            }
        }
        return jobs
    }

    private func run(_ job: Job, fanOut: FanOut, state: RefreshState) async {
        let accountId = job.account.id
        let callRegion = job.region == CacheDatabase.globalRegion ? management.region : job.region
        let core = fanOut.core(for: accountId, region: callRegion)
        do {
            switch job.source {
            case .roles:
                let result = try await RolesProvider(core: core, readsTags: configuration.readsRoleTags)
                    .fetch(accountId: accountId)
                try cache.replace(
                    source: .roles, accountId: accountId, region: job.region, fetchedAt: now(),
                    with: .roles(result.roles))
                if let alias = result.alias { state.setAlias(alias, for: accountId) }
            case .alarms:
                let fetched = try await AlarmsProvider(
                    core: core, includeComposite: configuration.includeCompositeAlarms
                ).fetchWithSeries(accountId: accountId, now: now())
                try cache.replaceAlarms(
                    fetched.alarms, series: fetched.series, accountId: accountId, region: job.region,
                    fetchedAt: now())
            case .pipelines:
                let runs = try await PipelinesProvider(
                    core: core, executionsPerPipeline: configuration.executionsPerPipeline
                ).fetch(accountId: accountId)
                try cache.replace(
                    source: .pipelines, accountId: accountId, region: job.region, fetchedAt: now(),
                    with: .pipelineRuns(runs))
            case .cost:
                // The provider counts its Cost Explorer requests in the cache, failed ones too.
                let fetched = try await CostProvider(core: core, cache: cache).fetch(
                    managementAccountId: accountId, today: now())
                try cache.replace(
                    source: .cost, accountId: accountId, region: job.region, fetchedAt: now(),
                    with: .cost(fetched.records))
            default:
                return
            }
            state.succeed()
        } catch {
            // A cancelled refresh (the user quit or asked again) is not the account's fault.
            if Task.isCancelled { return }
            let name = job.account.name.isEmpty ? "" : " (\(job.account.name))"
            let advice: String
            if case .credentialsUnavailable = error as? AWSClientError,
                accountId != fanOut.managementAccountId
            {
                advice =
                    "Check that \(fanOut.roleArn(for: accountId)) exists and trusts the management account "
                    + "\(fanOut.managementAccountId), or configure another member role."
            } else if job.source == .cost {
                advice = "The cache keeps the last good cost data."
            } else {
                advice = "The other accounts were refreshed; this one keeps its last good data."
            }
            record(
                job.source, accountId: accountId, region: job.region, error: error,
                what: "Reading \(job.source.rawValue) of account \(accountId)\(name) in \(job.region)",
                advice: advice, state: state)
        }
    }

    private var credentialsLabel: String {
        management.profile.map { "profile \($0)" } ?? "profile \(configuration.profile)"
    }

    private func record(
        _ source: Source, accountId: String, region: String, error: any Error, what: String, advice: String,
        state: RefreshState
    ) {
        let message = "\(what) failed: \(Self.describe(error)) \(advice)"
        state.fail(.init(source: source, accountId: accountId, region: region, message: message))
        management.logger.warning(
            "refresh failed",
            metadata: [
                "sync.source": "\(source.rawValue)", "sync.account": "\(accountId)",
                "sync.region": "\(region)",
            ])
        do {
            try cache.recordFailure(
                source: source, accountId: accountId, region: region, at: now(), message: message)
        } catch {
            management.logger.error("could not record the failure: \(error)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        return text.hasSuffix(".") ? text : text + "."
    }

    /// Failures of the management credentials themselves: nothing else can succeed.
    static func stopsEverything(_ error: AWSClientError) -> Bool {
        switch error {
        case .credentialsUnavailable, .invalidConfiguration: return true
        case .service(let serviceError):
            return serviceError.category == .invalidCredentials
                || serviceError.category == .expiredCredentials
        default: return false
        }
    }
}

/// What the concurrent fetches of one refresh share.
final class RefreshState: Sendable {
    private struct Values {
        var succeeded = 0
        var done = 0
        var failures: [RefreshReport.Failure] = []
        var aliases: [String: String] = [:]
    }

    private let values = Mutex(Values())

    var report: RefreshReport {
        values.withLock { RefreshReport(succeeded: $0.succeeded, failures: $0.failures) }
    }
    var doneCount: Int { values.withLock { $0.done } }
    var aliases: [String: String] { values.withLock { $0.aliases } }

    func succeed() { values.withLock { $0.succeeded += 1 } }
    func fail(_ failure: RefreshReport.Failure) { values.withLock { $0.failures.append(failure) } }
    func setAlias(_ alias: String, for accountId: String) {
        values.withLock { $0.aliases[accountId] = alias }
    }

    func done(progress: @Sendable (Int, Int) -> Void, total: Int) {
        let done = values.withLock { values in
            values.done += 1
            return values.done
        }
        progress(done, total)
    }
}
