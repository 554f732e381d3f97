import AWSSigV4
import Foundation
import OpsDeckHTTP

/// Reads task-role credentials from the ECS (or EKS Pod Identity) agent.
///
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is a path on `http://169.254.170.2`;
/// otherwise `AWS_CONTAINER_CREDENTIALS_FULL_URI` is used, but only over https, to a
/// loopback address or to a known agent address, so that a planted variable cannot send
/// the authorization token elsewhere. The token comes from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on every fetch) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
struct ContainerCredentialProvider: CredentialProvider {
    static let relativeURIVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
    static let fullURIVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI"
    static let ecsAgentHost = "169.254.170.2"
    private static let allowedHosts: Set<String> = [
        "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost",
    ]

    var url: URL
    var environment: CredentialEnvironment
    var timeout: Duration = .seconds(2)
    var attempts = 3
    var retryPause: Duration = .seconds(1)

    /// The provider the environment asks for; nil when neither variable is set.
    /// - Throws: `CredentialError.containerEndpointNotAllowed` for a disallowed full URI.
    static func configured(in environment: CredentialEnvironment) throws -> ContainerCredentialProvider? {
        let text: String
        if let relative = environment.variables[relativeURIVariable] {
            text = "http://\(ecsAgentHost)\(relative)"
        } else if let full = environment.variables[fullURIVariable] {
            text = full
        } else {
            return nil
        }
        guard let url = URL(string: text), let host = url.host else {
            throw CredentialError.fetchFailed(source: "container credentials", problem: "invalid URL \(text)")
        }
        let bareHost = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        guard url.scheme?.lowercased() == "https" || isLoopback(bareHost) || allowedHosts.contains(bareHost)
        else {
            throw CredentialError.containerEndpointNotAllowed(host: bareHost)
        }
        return ContainerCredentialProvider(url: url, environment: environment)
    }

    private static func isLoopback(_ host: String) -> Bool {
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { UInt8($0) != nil } && octets[0] == "127"
    }

    var label: String { "container credentials (\(url.host ?? "agent"))" }

    func credentials() async throws -> ResolvedCredentials {
        let request = HTTPRequest(method: "GET", url: url, headers: try headers())
        var lastProblem = "no answer"
        for attempt in 1...max(1, attempts) {
            if attempt > 1 { try await environment.sleep(retryPause) }
            do {
                let response = try await environment.transport.send(request, timeout: timeout)
                guard response.status == 200 else {
                    lastProblem = "HTTP \(response.status)"
                    continue
                }
                guard let document = try? JSONDecoder().decode(MetadataCredentials.self, from: response.body)
                else {
                    lastProblem = "the answer is not credentials JSON"
                    continue
                }
                return try document.resolved(source: label, origin: "container credentials")
            } catch let error as TransportError {
                lastProblem = error.description
            }
        }
        throw CredentialError.fetchFailed(
            source: "container credentials at \(url.absoluteString)", problem: lastProblem)
    }

    private func headers() throws -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        var token: String?
        if let path = environment.variables["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let data = try environment.readFile(path) else {
                throw CredentialError.fileUnreadable(path: path, reason: "no such file")
            }
            token = String(decoding: data, as: UTF8.self)
        } else {
            token = environment.variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
        }
        if let token {
            guard !token.contains("\r"), !token.contains("\n") else {
                throw CredentialError.fetchFailed(
                    source: "container credentials",
                    problem: "the authorization token contains a line break, which a header cannot carry")
            }
            headers.append(("Authorization", token))
        }
        return headers
    }
}
