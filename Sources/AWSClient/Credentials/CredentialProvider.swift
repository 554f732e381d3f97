import AWSSigV4
import Foundation

/// Supplies the credentials to sign with; asked again before every attempt, so a provider
/// that refreshes (assumed roles, SSO, instance metadata) is never read stale.
public protocol CredentialProvider: Sendable {
    /// - Throws: an error that says which source failed and what to do about it.
    func credentials() async throws -> ResolvedCredentials
}

/// Credentials with when they expire and where they came from.
public struct ResolvedCredentials: Sendable {
    /// The key pair (and session token) to sign with.
    public var credentials: AWSCredentials
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?
    /// A human label such as `environment` or `profile prod (role_arn via source_profile base)`.
    public var source: String

    /// Creates resolved credentials.
    public init(credentials: AWSCredentials, expiration: Date? = nil, source: String) {
        self.credentials = credentials
        self.expiration = expiration
        self.source = source
    }
}
