import AWSSigV4
import Foundation

/// The credentials JSON the ECS agent and the EC2 instance metadata service both return:
/// `AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration` (ISO 8601).
struct MetadataCredentials: Decodable, Sendable {
    var accessKeyId: String?
    var secretAccessKey: String?
    var token: String?
    var expiration: String?
    var code: String?

    enum CodingKeys: String, CodingKey {
        case accessKeyId = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case expiration = "Expiration"
        case code = "Code"
    }

    var isComplete: Bool {
        accessKeyId != nil && secretAccessKey != nil && token != nil && expiration != nil
    }

    func resolved(source: String, origin: String) throws -> ResolvedCredentials {
        guard let accessKeyId, let secretAccessKey else {
            throw CredentialError.fetchFailed(
                source: origin, problem: "the answer lacks AccessKeyId or SecretAccessKey")
        }
        var expirationDate: Date?
        if let expiration {
            guard let date = CredentialTimestamp.parse(expiration) else {
                throw CredentialError.fetchFailed(
                    source: origin, problem: "Expiration \(expiration) is not a timestamp")
            }
            expirationDate = date
        }
        return ResolvedCredentials(
            credentials: AWSCredentials(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: token),
            expiration: expirationDate, source: source)
    }
}
