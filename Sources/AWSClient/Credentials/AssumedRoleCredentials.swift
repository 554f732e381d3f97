import AWSSigV4
import Foundation

/// What STS answers to AssumeRole and AssumeRoleWithWebIdentity.
public struct AssumedRoleCredentials: Sendable, Equatable {
    /// The temporary key pair and session token.
    public var credentials: AWSCredentials
    /// When the credentials expire.
    public var expiration: Date
    /// The ARN of the assumed-role session, when STS reported it.
    public var assumedRoleArn: String?

    /// Creates assumed-role credentials from their parts.
    public init(credentials: AWSCredentials, expiration: Date, assumedRoleArn: String? = nil) {
        self.credentials = credentials
        self.expiration = expiration
        self.assumedRoleArn = assumedRoleArn
    }
}
