/// Why a request could not be signed.
public enum SigV4Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// A presigned URL's lifetime must be between one second and seven days.
    case expiryOutOfRange(seconds: Int)

    /// A message that says what to change.
    public var description: String {
        switch self {
        case .expiryOutOfRange(let seconds):
            "A presigned URL must expire in 1 to \(SigV4Signer.maximumPresignExpiry) seconds "
                + "(7 days); \(seconds) was asked for."
        }
    }
}
