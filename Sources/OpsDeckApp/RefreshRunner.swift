import AWSClient
import AWSSigV4
import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync

/// The body of `opsdeck refresh`: one pass over AWS into the cache, with progress, and a
/// non-zero exit naming every source, account and region that failed.
public enum RefreshRunner {
    public struct Request: Sendable {
        public var only: Set<Source>
        public var endpointURL: String?
        public var options: ConsoleOptions

        public init(only: Set<Source>, endpointURL: String?, options: ConsoleOptions) {
            self.only = only
            self.endpointURL = endpointURL
            self.options = options
        }
    }

    /// Runs the refresh; returns the exit status.
    public static func run(_ request: Request, progressOutput: FileHandle = .standardError) async -> Int32 {
        let env = request.options.environment
        AppLogging.bootstrap(environment: env)
        let logger = Logger(label: "opsdeck.refresh")
        let loaded = ConfigLoader.load(path: request.options.configPath, env: env)
        let configuration = loaded.configuration
        let regions = request.options.regions.isEmpty ? configuration.regions : request.options.regions
        let profile = request.options.profile ?? configuration.profile
        let region = env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"] ?? regions.first ?? "us-east-1"

        let transport = AsyncHTTPTransport()
        defer { Task { try? await transport.shutdown() } }
        let endpoints = AWSEndpointResolver(
            explicitURL: request.endpointURL ?? configuration.aws.endpointURL, environment: env)
        let base = AWSClientCore(
            region: region,
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: "", secretAccessKey: ""), source: "none"),
            transport: transport, endpoints: endpoints, logger: logger, profile: profile)
        let chain = CredentialChain(
            profile: profile, environment: CredentialEnvironment(variables: env, transport: transport),
            makeAssumer: { source in
                STSRoleAssumer(
                    client: STSClient(core: source.map { base.with(credentials: $0, accountId: nil) } ?? base)
                )
            })
        let management = base.with(credentials: chain, accountId: nil, profile: profile)

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

        var sync = SyncConfiguration()
        sync.regions = regions
        sync.profile = profile ?? "default"
        sync.memberRoleName = configuration.aws.memberRole
        sync.maxConcurrency = configuration.aws.concurrency
        sync.gitHub = GitHubSource(settings: configuration.gitHub)
        let refresher = Refresher(management: management, cache: cache, configuration: sync)
        let progress = RefreshProgress(output: progressOutput, interactive: isatty(STDERR_FILENO) == 1)
        let report = await refresher.refresh(only: request.only) { done, total in progress.update(done, total)
        }
        progress.finish()

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
