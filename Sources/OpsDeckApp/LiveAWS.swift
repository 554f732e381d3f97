import AWSClient
import AWSSigV4
import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync

/// The AWS side of OpsDeck as `opsdeck refresh`, `opsdeck doctor` and the live console all
/// build it: one transport, the profile's endpoints, the credential chain and the
/// management account's client core. One factory, so the three never drift apart.
struct LiveAWS: Sendable {
    /// What the factory needs besides the configuration.
    struct Inputs: Sendable {
        /// `--profile`, when given.
        var profile: String?
        /// `--region` values, when given.
        var regions: [String] = []
        /// `--endpoint-url`, when given.
        var endpointURL: String?
        /// The process environment.
        var environment: [String: String]
        /// Asks for MFA codes (`mfa_serial`); nil makes such roles fail with advice.
        var mfaPrompt: MFACodePrompt?
    }

    let transport: AsyncHTTPTransport
    let chain: CredentialChain
    /// Signed with the chain's credentials, in `region`, with the profile's endpoints.
    let management: AWSClientCore
    /// The profile the chain resolves (nil: the chain chooses, as the CLI does).
    let profile: String?
    /// The regions regional sources are read in.
    let regions: [String]
    let configuration: OpsDeckConfiguration

    /// Builds the clients; nothing is contacted yet.
    static func make(_ inputs: Inputs, configuration: OpsDeckConfiguration, logger: Logger) -> LiveAWS {
        let env = inputs.environment
        let regions = inputs.regions.isEmpty ? configuration.regions : inputs.regions
        let profile = inputs.profile ?? configuration.profile
        // One connection per call in flight, so the fan-out's width is not capped per host.
        let transport = AsyncHTTPTransport(connectionsPerHost: max(8, configuration.aws.concurrency))
        let credentialEnvironment = CredentialEnvironment(variables: env, transport: transport)
        let awsProfile = Self.awsProfile(profile, environment: credentialEnvironment)
        let region =
            nonEmpty(env["AWS_REGION"]) ?? nonEmpty(env["AWS_DEFAULT_REGION"]) ?? awsProfile?.profile.region
            ?? regions.first ?? "us-east-1"
        let endpoints = Self.endpoints(
            explicitURL: inputs.endpointURL ?? configuration.aws.endpointURL, environment: env,
            profile: awsProfile?.profile, config: awsProfile?.config)
        let base = AWSClientCore(
            region: region,
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: "", secretAccessKey: ""), source: "none"),
            transport: transport, endpoints: endpoints, logger: logger, profile: profile)
        let chain = CredentialChain(
            profile: profile, environment: credentialEnvironment,
            makeAssumer: { source in
                STSRoleAssumer(
                    client: STSClient(core: source.map { base.with(credentials: $0, accountId: nil) } ?? base)
                )
            }, mfaPrompt: inputs.mfaPrompt)
        return LiveAWS(
            transport: transport, chain: chain,
            management: base.with(credentials: chain, accountId: nil, profile: profile), profile: profile,
            regions: regions, configuration: configuration)
    }

    /// A refresher writing into `cache`.
    func refresher(cache: CacheDatabase) -> Refresher {
        var sync = SyncConfiguration()
        sync.regions = regions
        sync.profile = profile ?? chain.selection.name
        sync.memberRoleName = configuration.aws.memberRole
        sync.maxConcurrency = configuration.aws.concurrency
        sync.gitHub = GitHubSource(settings: configuration.gitHub)
        return Refresher(management: management, cache: cache, configuration: sync)
    }

    /// Refresh intervals from the configuration, in seconds.
    static func intervals(_ configuration: OpsDeckConfiguration) -> [Source: TimeInterval] {
        var intervals: [Source: TimeInterval] = [:]
        for source in Source.allCases {
            let interval = configuration.refreshInterval(for: source).components
            intervals[source] = TimeInterval(interval.seconds) + TimeInterval(interval.attoseconds) / 1e18
        }
        return intervals
    }

    /// Closes the transport's connections.
    func shutdown() async {
        try? await transport.shutdown()
    }

    /// The selected profile of the shared config, nil when the files cannot be read (the
    /// chain reports that problem itself).
    private static func awsProfile(
        _ explicit: String?, environment: CredentialEnvironment
    ) -> (profile: AWSProfile, config: AWSSharedConfig)? {
        let resolver = ProfileResolver(environment: environment)
        let selection = ProfileResolver.select(explicit: explicit, variables: environment.variables)
        guard let config = try? resolver.loadSharedConfig(),
            let profile = try? resolver.profile(selection, in: config)
        else { return nil }
        return (profile, config)
    }

    /// The resolver fed as the CLI's: `--endpoint-url`, the environment, then the profile's
    /// `[services NAME]` section and its `endpoint_url`.
    static func endpoints(
        explicitURL: String?, environment: [String: String], profile: AWSProfile?, config: AWSSharedConfig?
    ) -> AWSEndpointResolver {
        var services: [String: String] = [:]
        if let name = profile?.services, let section = config?.services[name] {
            for (key, value) in section {
                if let url = value.subsection?["endpoint_url"] { services[key] = url }
            }
        }
        return AWSEndpointResolver(
            explicitURL: explicitURL, environment: environment, profileEndpointURL: profile?.endpointURL,
            profileServiceEndpointURLs: services,
            profileIgnoresConfiguredEndpointURLs: profile?["ignore_configured_endpoint_urls"]?.lowercased()
                == "true")
    }
}

private func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return value
}
