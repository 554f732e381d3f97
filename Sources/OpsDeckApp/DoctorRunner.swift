import AWSClient
import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckSync

/// The body of `opsdeck doctor`: where credentials come from (and why each earlier source
/// did not give them), who they are, and the state of the cache and the config file.
public enum DoctorRunner {
    /// What `opsdeck doctor` was asked.
    public struct Request: Sendable {
        public var options: ConsoleOptions
        public var endpointURL: String?
        public var mfaCode: String?

        public init(options: ConsoleOptions, endpointURL: String? = nil, mfaCode: String? = nil) {
            self.options = options
            self.endpointURL = endpointURL
            self.mfaCode = mfaCode
        }
    }

    /// The report and the exit status: 1 when no source gave credentials or AWS refused
    /// them, 0 otherwise.
    public struct Result: Sendable {
        public var text: String
        public var status: Int32

        public init(text: String, status: Int32) {
            self.text = text
            self.status = status
        }
    }

    /// Runs every check; never throws.
    public static func run(_ request: Request, now: Date = Date()) async -> Result {
        let env = request.options.environment
        AppLogging.bootstrap(environment: env)
        let logger = Logger(label: "opsdeck.doctor")
        let loaded = ConfigLoader.load(path: request.options.configPath, env: env)
        let aws = LiveAWS.make(
            LiveAWS.Inputs(
                profile: request.options.profile, regions: request.options.regions,
                endpointURL: request.endpointURL, environment: env,
                mfaPrompt: TerminalMFAPrompt.make(code: request.mfaCode)),
            configuration: loaded.configuration, logger: logger)
        var lines = ["== credentials"]
        let diagnosis = await aws.chain.diagnose()
        lines.append(diagnosis.renderText(now: now))
        var status: Int32 = diagnosis.hasCredentials ? 0 : 1

        lines.append("")
        lines.append("== identity")
        if let endpoint = try? aws.management.endpoints.resolve(.sts, region: aws.management.region) {
            lines.append("sts endpoint: \(endpoint.url.absoluteString) (\(endpoint.source))")
        }
        if diagnosis.hasCredentials {
            do {
                let identity = try await STSClient(core: aws.management).getCallerIdentity()
                lines.append("account: \(identity.account)")
                lines.append("arn: \(identity.arn)")
            } catch {
                status = 1
                lines.append(
                    "GetCallerIdentity failed in \(aws.management.region): \(error)\n"
                        + "  The credentials above were found but AWS did not accept them; check the keys, "
                        + "run `aws sso login`, or pick another profile with --profile.")
            }
        } else {
            lines.append("not checked: no credentials")
        }
        await aws.shutdown()

        lines.append("")
        lines.append("== cache")
        lines += cacheReport(request.options, environment: env, configuration: loaded.configuration, now: now)

        lines.append("")
        lines.append("== config")
        let file = loaded.path ?? "(no config file location: set HOME or XDG_CONFIG_HOME)"
        if !loaded.fileExists {
            lines.append("\(file): not found; the defaults apply (`opsdeck config show` prints them)")
        } else if loaded.problems.isEmpty {
            lines.append("\(file): OK")
        } else {
            lines.append("\(file): \(loaded.errors.count) error(s), \(loaded.warnings.count) warning(s)")
            for problem in loaded.problems { lines.append("  \(problem.description)") }
        }
        return Result(text: lines.joined(separator: "\n") + "\n", status: status)
    }

    static func cacheReport(
        _ options: ConsoleOptions, environment: [String: String], configuration: OpsDeckConfiguration,
        now: Date
    ) -> [String] {
        let path = options.cachePath ?? CachePaths(environment: environment).cacheFile
        guard FileManager.default.fileExists(atPath: path) else {
            return ["\(path): not created yet; `opsdeck refresh` fills it"]
        }
        let snapshot: OrgSnapshot
        var lines: [String] = []
        do {
            let (cache, recovered) = try CacheDatabase.open(at: path, check: .quick, now: now)
            if let recovered { lines.append(recovered) }
            snapshot = try cache.snapshot(now: now)
        } catch {
            return lines + ["\(path): unreadable: \(error)"]
        }
        lines.append(
            "\(path): OK (\(snapshot.accounts.count) accounts, \(snapshot.roles.count) roles, "
                + "\(snapshot.alarms.count) alarms, \(snapshot.pipelineRuns.count) pipeline runs)")
        let schedule = RefreshSchedule(
            intervals: LiveAWS.intervals(configuration),
            lastAttempts: RefreshSchedule.lastAttempts(from: snapshot.statuses))
        for source in Source.allCases {
            let statuses = snapshot.statuses.filter { $0.source == source }
            guard !statuses.isEmpty else {
                lines.append("  \(source.rawValue): never fetched")
                continue
            }
            let failed = statuses.filter { $0.lastError != nil }
            let newest = statuses.compactMap(\.lastSuccessAt).max()
            var line = "  \(source.rawValue): "
            line += newest.map { "last success \(RefreshMessages.stamp($0))" } ?? "never succeeded"
            if let due = schedule.nextDue(source) { line += ", next due \(RefreshMessages.stamp(due))" }
            if !failed.isEmpty { line += ", \(failed.count) of \(statuses.count) failing" }
            lines.append(line)
            if let first = failed.first, let error = first.lastError {
                lines.append("    \(first.accountId) \(first.region): \(error)")
            }
        }
        return lines
    }
}
