/// An HTTP request as SigV4 sees it.
///
/// - `path` is the path **as sent on the wire**: already percent-encoded, starting with `/`
///   (for example `/my%20bucket/key%2Bname`). For every service but S3 the signer encodes
///   it once more, as AWS requires; for S3 it signs it verbatim. Build it from raw segments
///   with ``encodePath(_:)``.
/// - `query` holds unencoded items in sending order; the signer encodes them.
/// - `headers` must include `Host` (as the AWS CLI sends it); the signer adds `X-Amz-Date`,
///   `X-Amz-Security-Token` and `Authorization` itself.
public struct SigV4Request: Sendable, Equatable {
    /// The HTTP method, such as `GET`.
    public var method: String
    /// The percent-encoded path as sent; empty means `/`.
    public var path: String
    /// The unencoded query items in sending order.
    public var query: [SigV4QueryItem]
    /// The header fields in sending order.
    public var headers: SigV4Headers
    /// The body, or how its hash is to be signed.
    public var payload: SigV4Payload

    /// Creates a request.
    public init(
        method: String,
        path: String,
        query: [SigV4QueryItem] = [],
        headers: SigV4Headers = [:],
        payload: SigV4Payload = .empty
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    /// The query items encoded by the AWS rule, joined in sending order (no leading `?`).
    public var encodedQuery: String {
        query.map(\.encoded).joined(separator: "&")
    }

    /// A wire path from raw segments: each is encoded by the AWS rule, `/` included, so an
    /// S3 key's own slashes should be passed as separate segments.
    ///
    /// `encodePath(segments: ["my bucket", "a+b.txt"])` is `/my%20bucket/a%2Bb.txt`.
    public static func encodePath(segments: [String]) -> String {
        "/" + segments.map { AWSURIEncoding.encode($0) }.joined(separator: "/")
    }

    /// A wire path from a raw path whose `/` are separators: `/photos/2024 summer/a+b.jpg`
    /// becomes `/photos/2024%20summer/a%2Bb.jpg`.
    public static func encodePath(_ rawPath: String) -> String {
        let encoded = AWSURIEncoding.encode(rawPath, keepingSlash: true)
        return encoded.hasPrefix("/") ? encoded : "/" + encoded
    }
}

extension SigV4Request: CustomStringConvertible {
    /// The request line and headers, with the session token hidden.
    public var description: String {
        let query = query.map { item in
            item.name == SigV4Signer.QueryName.securityToken
                ? item.name + "=" + AWSCredentials.redacted : item.encoded
        }.joined(separator: "&")
        let target = (path.isEmpty ? "/" : path) + (query.isEmpty ? "" : "?" + query)
        return "\(method) \(target)\n\(headers)"
    }
}
