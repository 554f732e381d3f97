import AWSSigV4
import Foundation

/// One request signed both by ``SigV4Signer`` and by botocore (`botocore_sign.py`); the
/// encoded form is what the script reads.
struct DifferentialCase: Encodable {
    enum Mode: String, Encodable {
        case header, presign
    }

    enum Payload: String, Encodable {
        case signed, unsigned, precomputed
    }

    let id: Int
    let mode: Mode
    let s3: Bool
    let method: String
    let host: String
    /// The path as sent.
    let path: String
    /// Unencoded query items.
    let params: [[String]]
    /// Header fields, `Host` first.
    let headers: [[String]]
    let body: Data
    let payload: Payload
    let payloadHash: String
    let contentSHAHeader: Bool
    /// Seconds since 1970; botocore derives its own timestamp from it.
    let epoch: Double
    let region: String
    let service: String
    let accessKey: String
    let secretKey: String
    let token: String?
    let expires: Int

    enum CodingKeys: String, CodingKey {
        case id, mode, s3, method, host, path, params, headers, payload, epoch, region, service
        case token, expires
        case body = "body_b64"
        case payloadHash = "payload_hash"
        case contentSHAHeader = "content_sha_header"
        case accessKey = "access_key"
        case secretKey = "secret_key"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(mode, forKey: .mode)
        try container.encode(s3, forKey: .s3)
        try container.encode(method, forKey: .method)
        try container.encode(host, forKey: .host)
        try container.encode(path, forKey: .path)
        try container.encode(params, forKey: .params)
        try container.encode(headers, forKey: .headers)
        try container.encode(body.base64EncodedString(), forKey: .body)
        try container.encode(payload, forKey: .payload)
        try container.encode(payloadHash, forKey: .payloadHash)
        try container.encode(contentSHAHeader, forKey: .contentSHAHeader)
        try container.encode(epoch, forKey: .epoch)
        try container.encode(region, forKey: .region)
        try container.encode(service, forKey: .service)
        try container.encode(accessKey, forKey: .accessKey)
        try container.encode(secretKey, forKey: .secretKey)
        try container.encode(token, forKey: .token)
        try container.encode(expires, forKey: .expires)
    }

    var credentials: AWSCredentials {
        AWSCredentials(accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token)
    }

    var date: Date { Date(timeIntervalSince1970: epoch) }

    /// The signer botocore's choice of class corresponds to: S3SigV4Auth and
    /// S3SigV4QueryAuth are `.s3`; SigV4Auth sends `X-Amz-Content-SHA256` when the payload is
    /// unsigned or precomputed (or when the case asks for it).
    var signer: SigV4Signer {
        if s3 {
            return SigV4Signer(service: service, region: region, options: .s3)
        }
        let header = mode == .header && (payload != .signed || contentSHAHeader)
        return SigV4Signer(
            service: service, region: region, options: SigV4Options(addContentSHA256Header: header))
    }

    var request: SigV4Request {
        let sigV4Payload: SigV4Payload
        switch (mode, payload) {
        case (.presign, _): sigV4Payload = s3 ? .unsigned : .empty
        case (.header, .signed): sigV4Payload = .signed(body)
        case (.header, .unsigned): sigV4Payload = .unsigned
        case (.header, .precomputed): sigV4Payload = .precomputed(payloadHash)
        }
        return SigV4Request(
            method: method,
            path: path,
            query: params.map { SigV4QueryItem(name: $0[0], value: $0[1]) },
            headers: SigV4Headers(headers.map { .init(name: $0[0], value: $0[1]) }),
            payload: sigV4Payload
        )
    }
}
