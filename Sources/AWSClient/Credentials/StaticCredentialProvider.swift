import AWSSigV4

/// Hands out the same credentials every time: keys given on the command line, in tests,
/// or found once in a file.
public struct StaticCredentialProvider: CredentialProvider {
    /// What `credentials()` returns.
    public let resolved: ResolvedCredentials

    /// Creates a provider for fixed credentials.
    /// - Parameters:
    ///   - credentials: The key pair to hand out.
    ///   - source: The label shown by `opsdeck doctor` and in errors.
    public init(_ credentials: AWSCredentials, source: String) {
        self.resolved = ResolvedCredentials(credentials: credentials, expiration: nil, source: source)
    }

    /// Creates a provider that returns already resolved credentials, keeping their expiry.
    public init(resolved: ResolvedCredentials) {
        self.resolved = resolved
    }

    /// Returns the fixed credentials.
    public func credentials() async throws -> ResolvedCredentials {
        resolved
    }
}
