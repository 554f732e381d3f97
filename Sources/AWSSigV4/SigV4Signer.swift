import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`), in an `Authorization`
/// header (``sign(_:credentials:date:)``) or in a presigned URL
/// (``presign(_:credentials:date:expires:)``).
///
/// Pure: the time is passed in and nothing is read from the environment, so the same input
/// always gives the same signature. Every step is exposed for tests and for debugging a
/// `SignatureDoesNotMatch` (compare ``canonicalRequest(for:credentials:date:)`` with the
/// canonical request the service returns in the error).
public struct SigV4Signer: Sendable, Equatable {
    /// The signing name of the service (`iam`, `sts`, `monitoring`, `s3`, …).
    public let service: String
    /// The region of the endpoint (`us-east-1` for global services such as IAM).
    public let region: String
    /// Where this service departs from the common rules.
    public let options: SigV4Options

    /// The algorithm name written in every string to sign and credential.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The longest lifetime AWS accepts for a presigned URL: seven days.
    public static let maximumPresignExpiry = 604_800

    /// Header names never signed: hop-by-hop headers a proxy may change, and ones that
    /// clients rewrite on retries. The same list as the AWS CLI (botocore).
    public static let unsignedHeaderNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "user-agent",
        "x-amzn-trace-id",
    ]

    /// Names of the headers the signer writes.
    public enum HeaderName {
        /// The signing time.
        public static let date = "X-Amz-Date"
        /// The session token of temporary credentials.
        public static let securityToken = "X-Amz-Security-Token"
        /// The payload hash (lowercase, as the AWS reference signer writes it).
        public static let contentSHA256 = "x-amz-content-sha256"
        /// The signature.
        public static let authorization = "Authorization"
    }

    /// Names of the query parameters of a presigned URL.
    public enum QueryName {
        /// `AWS4-HMAC-SHA256`.
        public static let algorithm = "X-Amz-Algorithm"
        /// `<access key id>/<credential scope>`.
        public static let credential = "X-Amz-Credential"
        /// The signing time.
        public static let date = "X-Amz-Date"
        /// The signed header names joined by `;`.
        public static let signedHeaders = "X-Amz-SignedHeaders"
        /// The lifetime in seconds.
        public static let expires = "X-Amz-Expires"
        /// The session token of temporary credentials.
        public static let securityToken = "X-Amz-Security-Token"
        /// The signature.
        public static let signature = "X-Amz-Signature"

        static let all: Set<String> = [
            algorithm, credential, date, signedHeaders, expires, securityToken, signature,
        ]
    }

    /// A signer with the options AWS uses for `service` (see
    /// ``SigV4Options/recommended(forService:)``).
    public init(service: String, region: String) {
        self.init(service: service, region: region, options: .recommended(forService: service))
    }

    /// A signer with explicit options.
    public init(service: String, region: String, options: SigV4Options) {
        self.service = service
        self.region = region
        self.options = options
    }

    // MARK: - Signing

    /// Signs `request` in headers: adds `X-Amz-Date`, `X-Amz-Security-Token` (when the
    /// credentials have a token), `x-amz-content-sha256` (when the options ask for it) and
    /// `Authorization`. Earlier copies of those headers are replaced, so a retry can be
    /// signed again.
    public func sign(_ request: SigV4Request, credentials: AWSCredentials, date: Date) -> SignedRequest {
        let prepared = prepareHeaderSigning(request, credentials: credentials, date: date)
        let stringToSign = stringToSign(canonicalRequest: prepared.canonical.text, date: date)
        let signature = signature(
            stringToSign: stringToSign, secretAccessKey: credentials.secretAccessKey, date: date)
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyId)/\(credentialScope(date: date)), "
            + "SignedHeaders=\(prepared.canonical.signedHeaders), Signature=\(signature)"
        var signed = prepared.request
        signed.headers.add(name: HeaderName.authorization, value: authorization)
        return SignedRequest(
            request: signed,
            addedHeaders: prepared.added + [.init(name: HeaderName.authorization, value: authorization)],
            addedQuery: [],
            canonicalRequest: prepared.canonical.text,
            stringToSign: stringToSign,
            signature: signature,
            signedHeaders: prepared.canonical.signedHeaders,
            authorization: authorization
        )
    }

    /// Signs `request` in its query string, for a URL that works without headers until it
    /// expires. Appends `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`,
    /// `X-Amz-SignedHeaders`, `X-Amz-Expires`, `X-Amz-Security-Token` (with a session token)
    /// and `X-Amz-Signature` after the request's own items; earlier copies are dropped.
    ///
    /// For S3 pass `.unsigned` as the payload, as AWS requires for presigned S3 URLs.
    /// - Throws: ``SigV4Error/expiryOutOfRange(seconds:)`` unless `expires` is 1...604800.
    public func presign(
        _ request: SigV4Request, credentials: AWSCredentials, date: Date, expires: Int
    ) throws(SigV4Error) -> SignedRequest {
        let prepared = try preparePresigning(request, credentials: credentials, date: date, expires: expires)
        let stringToSign = stringToSign(canonicalRequest: prepared.canonical.text, date: date)
        let signature = signature(
            stringToSign: stringToSign, secretAccessKey: credentials.secretAccessKey, date: date)
        var after: [SigV4QueryItem] = []
        if let token = credentials.sessionToken, !options.signSessionToken {
            after.append(.init(name: QueryName.securityToken, value: token))
        }
        after.append(.init(name: QueryName.signature, value: signature))
        var signed = prepared.request
        signed.query += after
        return SignedRequest(
            request: signed,
            addedHeaders: [],
            addedQuery: prepared.addedQuery + after,
            canonicalRequest: prepared.canonical.text,
            stringToSign: stringToSign,
            signature: signature,
            signedHeaders: prepared.canonical.signedHeaders,
            authorization: nil
        )
    }

    // MARK: - Intermediate steps

    /// The canonical request ``sign(_:credentials:date:)`` signs (task 1 of SigV4).
    public func canonicalRequest(
        for request: SigV4Request, credentials: AWSCredentials, date: Date
    ) -> String {
        prepareHeaderSigning(request, credentials: credentials, date: date).canonical.text
    }

    /// The canonical request ``presign(_:credentials:date:expires:)`` signs.
    /// - Throws: ``SigV4Error/expiryOutOfRange(seconds:)`` unless `expires` is 1...604800.
    public func presignedCanonicalRequest(
        for request: SigV4Request, credentials: AWSCredentials, date: Date, expires: Int
    ) throws(SigV4Error) -> String {
        try preparePresigning(request, credentials: credentials, date: date, expires: expires).canonical.text
    }

    /// `<yyyyMMdd>/<region>/<service>/aws4_request`.
    public func credentialScope(date: Date) -> String {
        "\(AmzDate(date).dateStamp)/\(region)/\(service)/aws4_request"
    }

    /// The string to sign: algorithm, timestamp, credential scope and the hex SHA-256 of the
    /// canonical request, one per line (task 2 of SigV4).
    public func stringToSign(canonicalRequest: String, date: Date) -> String {
        let hash = Hex.encode(SHA256.hash(data: Data(canonicalRequest.utf8)))
        return [Self.algorithm, AmzDate(date).timestamp, credentialScope(date: date), hash]
            .joined(separator: "\n")
    }

    /// The hex HMAC-SHA256 of `stringToSign` under the derived signing key (task 3).
    public func signature(stringToSign: String, secretAccessKey: String, date: Date) -> String {
        let key = Self.signingKey(secret: secretAccessKey, date: date, region: region, service: service)
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }

    /// The signing key: HMAC chain of `"AWS4" + secret` over the date stamp, region, service
    /// and `aws4_request`. It depends on the day only, so a caller may cache it per day.
    public static func signingKey(
        secret: String, date: Date, region: String, service: String
    ) -> SymmetricKey {
        var key = SymmetricKey(data: Data(("AWS4" + secret).utf8))
        for part in [AmzDate(date).dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key))
        }
        return key
    }
}
