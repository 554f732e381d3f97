import Foundation
import OpsDeckHTTP

/// Reads the instance profile's credentials from the EC2 instance metadata service with
/// IMDSv2: a PUT for a session token, then the role name and the role's credentials.
///
/// Off EC2 nothing answers, so the defaults are one attempt with a one-second timeout, and
/// a token request that gets no answer at all ends the attempt: unlike botocore, this does
/// not go on to try IMDSv1, which would wait out a second timeout on every laptop. An
/// instance that answers the PUT with 403, 404 or 405 (IMDSv2 unsupported) still gets
/// IMDSv1, unless `AWS_EC2_METADATA_V1_DISABLED` is true.
struct InstanceMetadataCredentialProvider: CredentialProvider {
    struct Settings: Sendable, Equatable {
        var baseURL: String
        var timeout: Duration
        var attempts: Int
        var v1Disabled: Bool
    }

    enum Outcome: Sendable {
        case credentials(ResolvedCredentials)
        case unavailable(String)
    }

    static let tokenTTLHeader = "x-aws-ec2-metadata-token-ttl-seconds"
    static let tokenHeader = "x-aws-ec2-metadata-token"
    private static let credentialsPath = "latest/meta-data/iam/security-credentials/"

    var settings: Settings
    var environment: CredentialEnvironment

    /// Whether `AWS_EC2_METADATA_DISABLED` turns the service off.
    static func isDisabled(_ environment: CredentialEnvironment) -> Bool {
        environment.variables["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true"
    }

    /// The endpoint, timeout and attempts from the environment, then the profile.
    static func settings(environment: CredentialEnvironment, profile: AWSProfile?) -> Settings {
        func setting(_ variable: String, _ key: String) -> String? {
            environment.nonEmpty(variable) ?? profile?[key]
        }
        let mode = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode")
        let defaultURL = mode?.lowercased() == "ipv6" ? "http://[fd00:ec2::254]/" : "http://169.254.169.254/"
        let seconds =
            setting("AWS_METADATA_SERVICE_TIMEOUT", "metadata_service_timeout").flatMap(Double.init) ?? 1
        let attempts = setting("AWS_METADATA_SERVICE_NUM_ATTEMPTS", "metadata_service_num_attempts").flatMap {
            Int($0)
        }
        return Settings(
            baseURL: setting("AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint")
                ?? defaultURL,
            timeout: .milliseconds(Int(max(0.05, seconds) * 1000)),
            attempts: max(1, attempts ?? 1),
            v1Disabled: setting("AWS_EC2_METADATA_V1_DISABLED", "ec2_metadata_v1_disabled")?.lowercased()
                == "true")
    }

    func credentials() async throws -> ResolvedCredentials {
        switch try await fetch() {
        case .credentials(let resolved): return resolved
        case .unavailable(let reason):
            throw CredentialError.fetchFailed(source: "instance metadata", problem: reason)
        }
    }

    /// Asks the service; `.unavailable` says why there is nothing (not on EC2, no role).
    func fetch() async throws -> Outcome {
        let token: String?
        switch await sessionToken() {
        case .token(let value): token = value
        case .unsupported: token = nil
        case .unavailable(let reason): return .unavailable(reason)
        }
        if token == nil, settings.v1Disabled {
            throw CredentialError.fetchFailed(
                source: "instance metadata",
                problem: "no IMDSv2 token and IMDSv1 is disabled (AWS_EC2_METADATA_V1_DISABLED)")
        }
        guard let roleBody = await get(Self.credentialsPath, token: token) else {
            return .unavailable("the instance metadata service lists no IAM role")
        }
        let roleName =
            String(decoding: roleBody, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map { $0.trimmingWhitespace() } ?? ""
        guard !roleName.isEmpty else {
            return .unavailable("the instance metadata service lists no IAM role")
        }
        guard let body = await get(Self.credentialsPath + roleName, token: token),
            let document = try? JSONDecoder().decode(MetadataCredentials.self, from: body)
        else {
            return .unavailable("no credentials for IAM role \(roleName)")
        }
        guard document.isComplete else {
            let code = document.code.map { " (\($0))" } ?? ""
            return .unavailable("no credentials for IAM role \(roleName)\(code)")
        }
        return .credentials(
            try document.resolved(source: "instance metadata (role \(roleName))", origin: "instance metadata")
        )
    }

    private enum TokenOutcome {
        case token(String)
        case unsupported
        case unavailable(String)
    }

    private func sessionToken() async -> TokenOutcome {
        guard let url = url("latest/api/token") else {
            return .unavailable("invalid endpoint \(settings.baseURL)")
        }
        let request = HTTPRequest(method: "PUT", url: url, headers: [(Self.tokenTTLHeader, "21600")])
        var lastStatus = 0
        for _ in 0..<settings.attempts {
            do {
                let response = try await environment.transport.send(request, timeout: settings.timeout)
                switch response.status {
                case 200: return .token(String(decoding: response.body, as: UTF8.self))
                case 403, 404, 405: return .unsupported
                case 400:
                    return .unavailable("the instance metadata service rejected the token request (HTTP 400)")
                default: lastStatus = response.status
                }
            } catch {
                return .unavailable("no instance metadata service at \(settings.baseURL) (\(error))")
            }
        }
        return .unavailable("the instance metadata service answered HTTP \(lastStatus)")
    }

    /// The body of a 200 answer with content, within the allowed attempts; nil otherwise.
    private func get(_ path: String, token: String?) async -> Data? {
        guard let url = url(path) else { return nil }
        let headers: [(name: String, value: String)] = token.map { [(Self.tokenHeader, $0)] } ?? []
        let request = HTTPRequest(method: "GET", url: url, headers: headers)
        for _ in 0..<settings.attempts {
            if let response = try? await environment.transport.send(request, timeout: settings.timeout),
                response.status == 200, !response.body.isEmpty
            {
                return response.body
            }
        }
        return nil
    }

    private func url(_ path: String) -> URL? {
        let base = settings.baseURL.hasSuffix("/") ? settings.baseURL : settings.baseURL + "/"
        return URL(string: base + path)
    }
}
