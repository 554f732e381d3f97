/// Anything that can hand out AWS credentials for signing: a fixed key pair, a profile,
/// the default chain, an assumed role.
///
/// Implementations are called before every request, so those that fetch over the
/// network or run a process cache their answer (see `CachingCredentialProvider`).
public protocol CredentialProvider: Sendable {
    /// The credentials to sign the next request with.
    ///
    /// - Throws: `CredentialError` when no usable credentials can be obtained.
    func credentials() async throws -> ResolvedCredentials
}
