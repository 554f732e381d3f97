import Foundation

/// What every source of one chain shares: the outside world, the parsed files and the
/// callbacks for STS and MFA.
struct CredentialContext: Sendable {
    var environment: CredentialEnvironment
    var config: AWSSharedConfig
    var selection: ProfileSelection
    var makeAssumer: RoleAssumerFactory
    var mfaPrompt: MFACodePrompt?
    var ssoEndpoint: URL?
    var refreshWindow: TimeInterval

    /// The profile the chain was made for; `default` may be empty.
    var profile: AWSProfile {
        config.profile(selection.name) ?? AWSProfile(name: selection.name, values: [:])
    }

    func cached(_ provider: any CredentialProvider, initial: ResolvedCredentials? = nil)
        -> CachingCredentialProvider
    {
        CachingCredentialProvider(
            provider, initial: initial, now: environment.now, refreshWindow: refreshWindow)
    }

    /// Walks links in order: the first that applies, with its credentials fetched.
    /// - Returns: nil when every link was skipped.
    func firstAvailable(_ links: [CredentialLink]) async throws -> CachingCredentialProvider? {
        for link in links {
            switch try await link.resolve() {
            case .skipped:
                continue
            case .found(let provider, let initial):
                let cache = cached(provider, initial: initial)
                _ = try await cache.credentials()
                return cache
            }
        }
        return nil
    }
}
