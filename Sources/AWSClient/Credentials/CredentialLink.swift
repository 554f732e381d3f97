/// One source of the chain: it either does not apply (and says why) or yields a provider.
struct CredentialLink: Sendable {
    enum Result: Sendable {
        /// Not configured; the reason is shown by `opsdeck doctor`.
        case skipped(String)
        /// Configured. `initial` holds credentials already fetched while looking (a process
        /// that ran, a metadata answer); otherwise the chain fetches from `provider`.
        case found(any CredentialProvider, initial: ResolvedCredentials?)
    }

    /// The source's name in the diagnosis: "environment", "assume role", ...
    var name: String
    /// Decides whether the source applies. Throwing stops the chain, as in the CLI: a
    /// half-configured source is an error, not a reason to fall through to the next one.
    var resolve: @Sendable () async throws -> Result
}
