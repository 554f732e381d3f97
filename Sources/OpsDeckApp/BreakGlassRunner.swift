import AWSClient
import AWSSigV4
import BreakGlass
import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckHTTP

/// The wiring of a break-glass assumption, shared by `opsdeck assume` and the console:
/// the target from the cache, the profile's `mfa_serial`, and an assumer whose STS client
/// signs with the same credential chain `opsdeck refresh` uses.
public struct BreakGlassRunner: Sendable {
    /// `--profile`, else the config's, else the AWS CLI's choice.
    public var profile: String?
    /// `--region`; else `AWS_REGION`, the profile's region, the config's first, `us-east-1`.
    public var region: String?
    /// `--endpoint-url`, else the config's.
    public var endpointURL: String?
    /// `--cache`, else `$XDG_CACHE_HOME/opsdeck/cache.sqlite`.
    public var cachePath: String?
    /// The process environment.
    public var environment: [String: String]
    /// The configuration in effect.
    public var configuration: OpsDeckConfiguration

    /// Creates a runner.
    public init(
        profile: String? = nil, region: String? = nil, endpointURL: String? = nil, cachePath: String? = nil,
        environment: [String: String], configuration: OpsDeckConfiguration
    ) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.cachePath = cachePath
        self.environment = environment
        self.configuration = configuration
    }

    /// The profile whose credentials assume the role.
    public var profileName: String? { profile ?? configuration.profile }

    /// Resolves ACCOUNT and ROLE against the cache.
    /// - Throws: `BreakGlassError` for an unknown or ambiguous account, or the cache's error.
    public func target(account: String, role: String) throws -> BreakGlassTarget {
        let (database, _) = try CacheDatabase.open(
            at: cachePath ?? CachePaths(environment: environment).cacheFile)
        let snapshot = try database.snapshot(now: Date())
        return try BreakGlassTarget.resolve(
            account: account, role: role, accounts: snapshot.accounts, roles: snapshot.roles)
    }

    /// The selected profile's settings, when the shared config files have it.
    func profileSettings(transport: any HTTPTransport) -> AWSProfile? {
        let credentialEnvironment = CredentialEnvironment(variables: environment, transport: transport)
        let selection = ProfileResolver.select(explicit: profileName, variables: environment)
        return (try? ProfileResolver(environment: credentialEnvironment).loadSharedConfig())?
            .profile(selection.name)
    }

    /// The profile's `mfa_serial`, if any.
    public func mfaSerial(transport: any HTTPTransport) -> String? {
        profileSettings(transport: transport)?.mfaSerial
    }

    /// An assumer signing with the credential chain, writing to the default audit log.
    public func assumer(transport: any HTTPTransport, auditPath: String? = nil) -> BreakGlassAssumer {
        let env = environment
        let stsRegion =
            region ?? env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"] ?? profileSettings(transport: transport)?
            .region
            ?? configuration.regions.first ?? "us-east-1"
        let logger = Logger(label: "opsdeck.assume", factory: { _ in SwiftLogNoOpLogHandler() })
        let endpoints = AWSEndpointResolver(
            explicitURL: endpointURL ?? configuration.aws.endpointURL, environment: env)
        let base = AWSClientCore(
            region: stsRegion,
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: "", secretAccessKey: ""), source: "none"),
            transport: transport, endpoints: endpoints, logger: logger, profile: profileName)
        let chain = CredentialChain(
            profile: profileName, environment: CredentialEnvironment(variables: env, transport: transport),
            makeAssumer: { source in
                STSRoleAssumer(
                    client: STSClient(core: source.map { base.with(credentials: $0, accountId: nil) } ?? base)
                )
            })
        let sts = STSClient(core: base.with(credentials: chain, accountId: nil, profile: profileName))
        return BreakGlassAssumer(
            sts: LiveBreakGlassSTS(client: sts),
            audit: AuditLog(path: auditPath ?? AuditLog.defaultPath(environment: env)),
            identity: LocalIdentity.current(environment: env), region: stsRegion)
    }
}
