import AWSSigV4
import Foundation

/// Credentials together with when they stop working and where they came from.
public struct ResolvedCredentials: Sendable {
    /// The key pair (and session token) to sign with.
    public var credentials: AWSCredentials
    /// When temporary credentials expire; nil for long-term keys.
    public var expiration: Date?
    /// A human label of the source, such as "environment" or
    /// "profile prod (role_arn via source_profile base)". Never contains a secret.
    public var source: String

    /// Creates resolved credentials from their parts.
    public init(credentials: AWSCredentials, expiration: Date? = nil, source: String) {
        self.credentials = credentials
        self.expiration = expiration
        self.source = source
    }
}

extension ResolvedCredentials: Equatable {}
