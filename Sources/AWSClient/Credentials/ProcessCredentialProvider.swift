import AWSSigV4
import Foundation

/// Runs a profile's `credential_process` and reads the version 1 JSON it prints:
/// `{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ...,
/// "Expiration": "2024-05-01T10:00:00Z"}`.
///
/// The command runs through `/bin/sh -c`, as the AWS SDKs other than botocore do, so quoting
/// and `~` work as in a terminal. Standard output carries secrets and is never shown: a
/// failing command is reported with its exit status and standard error only.
struct ProcessCredentialProvider: CredentialProvider {
    var command: String
    var profile: String
    var environment: CredentialEnvironment

    var label: String { "profile \(profile) (credential_process)" }

    func credentials() async throws -> ResolvedCredentials {
        let output = try await environment.runProcess(command)
        guard output.status == 0 else {
            let standardError = String(decoding: output.standardError, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw CredentialError.processFailed(
                profile: profile, status: output.status, standardError: String(standardError.prefix(2_000)))
        }
        return try parse(output.standardOutput)
    }

    func parse(_ data: Data) throws -> ResolvedCredentials {
        func invalid(_ problem: String) -> CredentialError {
            .processOutputInvalid(profile: profile, problem: problem)
        }
        guard let document = try? JSONDecoder().decode(Document.self, from: data) else {
            throw invalid("standard output is not a JSON object")
        }
        guard document.hasVersion else { throw invalid("no Version key; expected \"Version\": 1") }
        guard document.version == 1 else { throw invalid("only \"Version\": 1 is supported") }
        guard let accessKeyId = document.accessKeyId else { throw invalid("AccessKeyId is missing") }
        guard let secretAccessKey = document.secretAccessKey else {
            throw invalid("SecretAccessKey is missing")
        }
        var expiration: Date?
        if let text = document.expiration {
            guard let date = CredentialTimestamp.parse(text) else {
                throw invalid("Expiration \(text) is not an ISO 8601 timestamp")
            }
            expiration = date
        }
        return ResolvedCredentials(
            credentials: AWSCredentials(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey,
                sessionToken: document.sessionToken),
            expiration: expiration, source: label)
    }

    /// The JSON a credential process prints; every field optional so each gap gets its own
    /// message.
    private struct Document: Decodable {
        enum Key: String, CodingKey {
            case version = "Version"
            case accessKeyId = "AccessKeyId"
            case secretAccessKey = "SecretAccessKey"
            case sessionToken = "SessionToken"
            case expiration = "Expiration"
        }

        var hasVersion: Bool
        var version: Int?
        var accessKeyId: String?
        var secretAccessKey: String?
        var sessionToken: String?
        var expiration: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            hasVersion = container.contains(.version)
            version = try? container.decodeIfPresent(Int.self, forKey: .version)
            accessKeyId = try? container.decodeIfPresent(String.self, forKey: .accessKeyId)
            secretAccessKey = try? container.decodeIfPresent(String.self, forKey: .secretAccessKey)
            sessionToken = try? container.decodeIfPresent(String.self, forKey: .sessionToken)
            expiration = try? container.decodeIfPresent(String.self, forKey: .expiration)
        }
    }
}
