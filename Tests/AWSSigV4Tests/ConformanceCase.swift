import AWSSigV4
import Foundation

/// One case of the suite, loaded.
struct ConformanceCase {
    struct Context: Decodable {
        struct Credentials: Decodable {
            let accessKeyId: String
            let secretAccessKey: String
            let token: String?

            enum CodingKeys: String, CodingKey {
                case accessKeyId = "access_key_id"
                case secretAccessKey = "secret_access_key"
                case token
            }
        }

        let credentials: Credentials
        let expirationInSeconds: Int
        let normalize: Bool
        let region: String
        let service: String
        let signBody: Bool
        let timestamp: String
        let omitSessionToken: Bool?

        enum CodingKeys: String, CodingKey {
            case credentials, normalize, region, service, timestamp
            case expirationInSeconds = "expiration_in_seconds"
            case signBody = "sign_body"
            case omitSessionToken = "omit_session_token"
        }
    }

    enum LoadError: Error, CustomStringConvertible {
        case badTimestamp(String)

        var description: String {
            switch self {
            case .badTimestamp(let value): "context.json timestamp is not ISO 8601: \(value)"
            }
        }
    }

    let name: String
    let context: Context
    let request: RawHTTPRequest
    let date: Date
    private let directory: URL

    init(name: String, in suite: URL) throws {
        self.name = name
        directory = suite.appendingPathComponent(name)
        context = try JSONDecoder().decode(
            Context.self, from: Data(contentsOf: directory.appendingPathComponent("context.json")))
        request = try RawHTTPRequest(
            parsing: String(contentsOf: directory.appendingPathComponent("request.txt"), encoding: .utf8))
        guard let date = ISO8601DateFormatter().date(from: context.timestamp) else {
            throw LoadError.badTimestamp(context.timestamp)
        }
        self.date = date
    }

    /// The text of one of the case's expected-result files.
    func expected(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    var credentials: AWSCredentials {
        AWSCredentials(
            accessKeyId: context.credentials.accessKeyId,
            secretAccessKey: context.credentials.secretAccessKey,
            sessionToken: context.credentials.token
        )
    }

    /// The suite's settings in signer options: `normalize` only switches normalization (the
    /// path is always encoded again), `sign_body` adds `x-amz-content-sha256`, and
    /// `omit_session_token` adds the token after signing.
    var signer: SigV4Signer {
        SigV4Signer(
            service: context.service,
            region: context.region,
            options: SigV4Options(
                normalizePath: context.normalize,
                doubleEncodePath: true,
                addContentSHA256Header: context.signBody,
                signSessionToken: !(context.omitSessionToken ?? false)
            )
        )
    }
}
