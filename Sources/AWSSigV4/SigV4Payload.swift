import Crypto
import Foundation

/// What the signature says about the request body.
public enum SigV4Payload: Sendable, Equatable {
    /// The body itself; its SHA-256 is signed. Use `.empty` when there is no body.
    case signed(Data)
    /// The body is not signed (`UNSIGNED-PAYLOAD`); S3 and presigned S3 URLs use this.
    case unsigned
    /// A hash computed elsewhere: the lowercase hex SHA-256 of the body, or one of the
    /// special values such as `STREAMING-UNSIGNED-PAYLOAD-TRAILER`. Used verbatim.
    case precomputed(String)

    /// No body: `.signed` of zero bytes.
    public static let empty = SigV4Payload.signed(Data())

    /// The literal AWS uses in place of a hash for an unsigned body.
    public static let unsignedPayloadLiteral = "UNSIGNED-PAYLOAD"

    /// The value that goes on the last line of the canonical request.
    public var hash: String {
        switch self {
        case .signed(let body): Hex.encode(SHA256.hash(data: body))
        case .unsigned: Self.unsignedPayloadLiteral
        case .precomputed(let value): value
        }
    }
}
