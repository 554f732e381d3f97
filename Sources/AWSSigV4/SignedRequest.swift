import Foundation

/// The result of signing: the request to send, what the signer added, and every
/// intermediate value (for tests and for explaining a `SignatureDoesNotMatch`).
public struct SignedRequest: Sendable, Equatable {
    /// The request to send: the original plus the signer's headers (header signing) or
    /// query items (presigning).
    public let request: SigV4Request
    /// The headers the signer added, in the order they were appended.
    public let addedHeaders: [SigV4Headers.Field]
    /// The query items the signer appended, in order (presigning only).
    public let addedQuery: [SigV4QueryItem]
    /// The canonical request that was signed. It contains the session token when one is
    /// signed in a header, so treat it as secret.
    public let canonicalRequest: String
    /// The string to sign derived from ``canonicalRequest``.
    public let stringToSign: String
    /// The hex signature.
    public let signature: String
    /// The signed header names, lowercase, joined by `;`.
    public let signedHeaders: String
    /// The `Authorization` header value (header signing only).
    public let authorization: String?

    /// The query string to send: every item encoded by the AWS rule, in order, no `?`.
    public var encodedQuery: String { request.encodedQuery }

    /// The full URL, from the `Host` header, the wire path and ``encodedQuery``.
    /// - Returns: nil when there is no `Host` header or the parts do not form a URL.
    public func url(scheme: String = "https") -> URL? {
        guard let host = request.headers.first("host")?.trimmingCharacters(in: .whitespaces),
            !host.isEmpty
        else { return nil }
        let path = request.path.isEmpty ? "/" : request.path
        let query = encodedQuery
        return URL(string: "\(scheme)://\(host)\(path)\(query.isEmpty ? "" : "?" + query)")
    }
}

extension SignedRequest: CustomStringConvertible, CustomReflectable {
    /// The request with the session token hidden, and the signature.
    public var description: String {
        "SignedRequest(signature: \(signature), signedHeaders: \(signedHeaders))\n\(request)"
    }

    /// A mirror that leaves out the token-bearing canonical request.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "request": request.description, "signedHeaders": signedHeaders, "signature": signature,
            ],
            displayStyle: .struct
        )
    }
}
