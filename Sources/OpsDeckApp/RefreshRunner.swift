import AWSClient
import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckSync

/// The body of `opsdeck refresh`: one pass over AWS into the cache, with progress, and a
/// non-zero exit naming every source, account and region that failed.
public enum RefreshRunner {
    public struct Request: Sendable {
        public var only: Set<Source>
        public var endpointURL: String?
        public var options: ConsoleOptions
        /// Fetch cost even when its interval has not passed (Cost Explorer charges per request).
        public var force: Bool
        /// `--mfa-code`: the code for a profile with `mfa_serial`; without it, the terminal asks.
        public var mfaCode: String?

        public init(
            only: Set<Source>, endpointURL: String?, options: ConsoleOptions, force: Bool = false,
            mfaCode: String? = nil
        ) {
            self.only = only
            self.endpointURL = endpointURL
            self.options = options
            self.force = force
            self.mfaCode = mfaCode
        }
    }

    /// Runs the refresh; returns the exit status.
    public static func run(_ request: Request, progressOutput: FileHandle = .standardError) async -> Int32 {
        let env = request.options.environment
        AppLogging.bootstrap(environment: env)
        let logger = Logger(label: "opsdeck.refresh")
        let loaded = ConfigLoader.load(path: request.options.configPath, env: env)
        let configuration = loaded.configuration

        let paths = CachePaths(environment: env)
        let cachePath = request.options.cachePath ?? paths.cacheFile
        let cache: CacheDatabase
        do {
            let (opened, recovered) = try CacheDatabase.open(at: cachePath)
            if let recovered { progressOutput.write(Data("opsdeck: \(recovered)\n".utf8)) }
            cache = opened
        } catch {
            progressOutput.write(Data("opsdeck refresh: \(error)\n".utf8))
            return 2
        }

        var sources = request.only
        if !request.force, sources.contains(.cost) {
            let now = Date()
            let statuses = (try? cache.snapshot(now: now).statuses) ?? []
            let schedule = RefreshSchedule(
                intervals: LiveAWS.intervals(configuration),
                lastAttempts: RefreshSchedule.lastAttempts(from: statuses))
            if let due = schedule.nextDue(.cost), due > now {
                sources.remove(.cost)
                let note = RefreshMessages.costFromCache(
                    lastAttempt: schedule.lastAttempts[.cost], nextDue: due,
                    interval: schedule.interval(of: .cost),
                    now: now)
                progressOutput.write(Data("\(note); --force fetches it now\n".utf8))
            }
        }
        guard !sources.isEmpty else { return 0 }

        let aws = LiveAWS.make(
            LiveAWS.Inputs(
                profile: request.options.profile, regions: request.options.regions,
                endpointURL: request.endpointURL, environment: env,
                mfaPrompt: TerminalMFAPrompt.make(code: request.mfaCode)),
            configuration: configuration, logger: logger)
        let refresher = aws.refresher(cache: cache)
        let progress = RefreshProgress(output: progressOutput, interactive: isatty(STDERR_FILENO) == 1)
        let report = await refresher.refresh(only: sources) { done, total in progress.update(done, total) }
        progress.finish()
        await aws.shutdown()

        if report.failures.isEmpty {
            progressOutput.write(Data("refreshed \(report.succeeded) source(s) into \(cachePath)\n".utf8))
            return 0
        }
        var text =
            "opsdeck refresh: \(report.failures.count) fetch(es) failed, \(report.succeeded) succeeded:\n"
        for failure in report.failures {
            text +=
                "  \(failure.source.rawValue) \(failure.accountId) \(failure.region): \(failure.message)\n"
        }
        progressOutput.write(Data(text.utf8))
        return 1
    }
}
