import Foundation

/// The default credential chain of the AWS CLI for one profile.
///
/// The first call walks the sources in botocore's order (see `defaultLinks`) and keeps the
/// first one that applies; later calls reuse that source, refreshing its temporary
/// credentials in memory before they expire. A source that is configured but broken (a
/// half-set key pair, an expired SSO token, a failing `credential_process`) stops the walk
/// with its error rather than falling through, as in the CLI.
public actor CredentialChain: CredentialProvider {
    /// The profile this chain resolves and why it was chosen.
    public nonisolated let selection: ProfileSelection

    private let environment: CredentialEnvironment
    private let makeAssumer: RoleAssumerFactory
    private let mfaPrompt: MFACodePrompt?
    private let ssoEndpoint: URL?
    private let refreshWindow: TimeInterval
    private var selected: CachingCredentialProvider?
    private var selecting: Task<CachingCredentialProvider, any Error>?

    /// Creates the chain.
    /// - Parameters:
    ///   - profile: `--profile`, if given; otherwise `AWS_DEFAULT_PROFILE`, `AWS_PROFILE` or
    ///     `default`. An explicit profile makes the chain ignore environment credentials.
    ///   - environment: Variables, files, processes, clock and HTTP.
    ///   - makeAssumer: Makes STS clients for `role_arn` profiles and web identity.
    ///   - mfaPrompt: Asks for MFA codes; nil makes `mfa_serial` roles fail with advice.
    ///   - ssoEndpoint: Replaces the SSO portal endpoint (tests, private endpoints).
    ///   - refreshWindow: Refresh temporary credentials when fewer seconds than this remain.
    public init(
        profile: String? = nil, environment: CredentialEnvironment, makeAssumer: @escaping RoleAssumerFactory,
        mfaPrompt: MFACodePrompt? = nil, ssoEndpoint: URL? = nil,
        refreshWindow: TimeInterval = CachingCredentialProvider.defaultRefreshWindow
    ) {
        self.selection = ProfileResolver.select(explicit: profile, variables: environment.variables)
        self.environment = environment
        self.makeAssumer = makeAssumer
        self.mfaPrompt = mfaPrompt
        self.ssoEndpoint = ssoEndpoint
        self.refreshWindow = refreshWindow
    }

    /// Credentials from the first source that has them, cached and refreshed.
    /// - Throws: `CredentialError` (or the STS client's error for a failed AssumeRole).
    public func credentials() async throws -> ResolvedCredentials {
        try await selectedProvider().credentials()
    }

    /// Forgets the chosen source, so the next call walks the chain again (after the user
    /// ran `aws sso login` or edited `~/.aws/config`, say).
    public func reset() {
        selected = nil
    }

    /// Walks the whole chain afresh, recording each source, for `opsdeck doctor`.
    /// Sources after the one used (or the one that failed) are not contacted.
    public func diagnose() async -> CredentialDiagnosis {
        let context: CredentialContext
        do {
            context = try makeContext()
        } catch {
            return CredentialDiagnosis(profile: selection, steps: [], problem: "\(error)")
        }
        var steps: [CredentialDiagnosis.Step] = []
        var done = false
        for link in context.defaultLinks() {
            guard !done else {
                steps.append(.init(source: link.name, outcome: .notReached))
                continue
            }
            do {
                switch try await link.resolve() {
                case .skipped(let reason):
                    steps.append(.init(source: link.name, outcome: .skipped(reason)))
                case .found(let provider, let initial):
                    let resolved: ResolvedCredentials
                    if let initial {
                        resolved = initial
                    } else {
                        resolved = try await provider.credentials()
                    }
                    steps.append(
                        .init(
                            source: link.name,
                            outcome: .used(
                                label: resolved.source,
                                accessKeyIdSuffix: CredentialDiagnosis.suffix(
                                    of: resolved.credentials.accessKeyId),
                                expiration: resolved.expiration)))
                    done = true
                }
            } catch {
                steps.append(.init(source: link.name, outcome: .failed("\(error)")))
                done = true
            }
        }
        return CredentialDiagnosis(profile: selection, steps: steps)
    }

    /// The first source that applies, without fetching from it (so no STS or SSO call), with
    /// the access key id of what it already read; nil when none applies. For comparing the
    /// chain's choice with botocore's.
    func firstApplicableSource() async throws -> (name: String, accessKeyId: String?)? {
        let context = try makeContext()
        for link in context.defaultLinks() {
            if case .found(_, let initial) = try await link.resolve() {
                return (link.name, initial?.credentials.accessKeyId)
            }
        }
        return nil
    }

    private func selectedProvider() async throws -> CachingCredentialProvider {
        if let selected { return selected }
        let task: Task<CachingCredentialProvider, any Error>
        if let selecting {
            task = selecting
        } else {
            let context = try makeContext()
            task = Task {
                guard let provider = try await context.firstAvailable(context.defaultLinks()) else {
                    throw CredentialError.noCredentials(profile: context.selection.name)
                }
                return provider
            }
            selecting = task
        }
        do {
            let provider = try await task.value
            if selecting == task {
                selecting = nil
                selected = provider
            }
            return provider
        } catch {
            if selecting == task { selecting = nil }
            throw error
        }
    }

    private func makeContext() throws -> CredentialContext {
        let resolver = ProfileResolver(environment: environment)
        let config = try resolver.loadSharedConfig()
        _ = try resolver.profile(selection, in: config)
        return CredentialContext(
            environment: environment, config: config, selection: selection, makeAssumer: makeAssumer,
            mfaPrompt: mfaPrompt, ssoEndpoint: ssoEndpoint, refreshWindow: refreshWindow)
    }
}
