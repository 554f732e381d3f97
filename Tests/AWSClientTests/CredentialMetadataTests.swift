import Foundation
import OpsDeckHTTP
import Testing

@testable import AWSClient

@Suite("Container and instance metadata credentials")
struct CredentialMetadataTests {
    static let metadataBody = """
        {"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "ASIAMETA", "SecretAccessKey": "meta-secret",
         "Token": "meta-token", "Expiration": "2024-05-01T16:00:00Z"}
        """

    // MARK: - Container

    @Test func relativeURIGoesToTheECSAgentWithTheAuthorizationToken() async throws {
        var world = CredentialWorld()
        world.variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/v2/credentials/abc"
        world.variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://127.0.0.1:9/ignored"
        world.variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "auth-xyz"
        world.transport.on("GET", "http://169.254.170.2/v2/credentials/abc", body: Self.metadataBody)
        let resolved = try await world.chain().credentials()
        #expect(resolved.credentials.accessKeyId == "ASIAMETA")
        #expect(resolved.credentials.sessionToken == "meta-token")
        #expect(resolved.expiration == world.clock.now.addingTimeInterval(6 * 3_600))
        let request = try #require(world.transport.requests.first)
        #expect(request.header("Authorization") == "auth-xyz")
        #expect(request.header("Accept") == "application/json")
        #expect(world.transport.timeouts.first == .seconds(2))
    }

    @Test func theTokenFileWinsAndIsReadAgainOnEveryFetch() async throws {
        var world = CredentialWorld()
        world.variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://localhost:8080/creds"
        world.variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "from-variable"
        world.variables["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = "/var/run/pod-identity/token"
        world.files["/var/run/pod-identity/token"] = "from-file"
        world.transport.on("GET", "http://localhost:8080/creds", body: Self.metadataBody)
        _ = try await world.chain().credentials()
        #expect(world.transport.requests.first?.header("Authorization") == "from-file")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/c", true), ("http://127.9.9.9/c", true), ("http://[::1]:80/c", true),
        ("https://creds.example.com/c", true), ("http://169.254.170.23/v1/credentials", true),
        ("http://localhost/c", true), ("http://creds.example.com/c", false), ("http://10.0.0.5/c", false),
        ("http://127.0.0.1.evil.com/c", false),
    ])
    func fullURIHostsAreRestricted(_ uri: String, _ allowed: Bool) throws {
        var world = CredentialWorld()
        world.variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = uri
        if allowed {
            #expect(
                try ContainerCredentialProvider.configured(in: world.environment)?.url.absoluteString == uri)
        } else {
            #expect(throws: CredentialError.self) {
                try ContainerCredentialProvider.configured(in: world.environment)
            }
        }
    }

    @Test func aTokenWithALineBreakIsRefused() async {
        var world = CredentialWorld()
        world.variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/c"
        world.variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "abc\r\nX-Injected: 1"
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error?.description.contains("line break") == true)
        #expect(world.transport.requests.isEmpty)
    }

    @Test func retriesThreeTimesWithoutRealSleeping() async throws {
        var world = CredentialWorld()
        world.variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/c"
        world.transport.on(
            "GET", "http://169.254.170.2/c",
            .response(HTTPResponse(status: 500)),
            .failure(.timedOut(host: "169.254.170.2", after: .seconds(2))),
            .response(HTTPResponse(status: 200, body: Data(Self.metadataBody.utf8))))
        #expect(try await world.chain().credentials().credentials.accessKeyId == "ASIAMETA")
        #expect(world.transport.requests.count == 3)
    }

    @Test func givesUpAfterThreeAttempts() async {
        var world = CredentialWorld()
        world.variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/c"
        world.transport.on("GET", "http://169.254.170.2/c", status: 503, body: "")
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(
            error
                == .fetchFailed(
                    source: "container credentials at http://169.254.170.2/c", problem: "HTTP 503"))
        #expect(world.transport.requests.count == 3)
    }

    // MARK: - Instance metadata

    static func imdsWorld() -> CredentialWorld {
        let world = CredentialWorld()
        world.transport.on("PUT", "http://169.254.169.254/latest/api/token", body: "imds-session-token")
        world.transport.on(
            "GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            body: "WebServerRole\n")
        world.transport.on(
            "GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/WebServerRole",
            body: Self.metadataBody)
        return world
    }

    @Test func imdsV2TokenThenRoleThenCredentials() async throws {
        let world = Self.imdsWorld()
        let resolved = try await world.chain().credentials()
        #expect(resolved.credentials.accessKeyId == "ASIAMETA")
        #expect(resolved.source == "instance metadata (role WebServerRole)")
        let requests = world.transport.requests
        #expect(requests.map(\.method) == ["PUT", "GET", "GET"])
        #expect(requests[0].header("x-aws-ec2-metadata-token-ttl-seconds") == "21600")
        #expect(requests[1].header("x-aws-ec2-metadata-token") == "imds-session-token")
        #expect(requests[2].header("x-aws-ec2-metadata-token") == "imds-session-token")
        #expect(world.transport.timeouts.allSatisfy { $0 == .seconds(1) })
    }

    @Test func noMetadataServiceCostsOneShortAttempt() async {
        let world = CredentialWorld()
        world.transport.on(
            "PUT", "http://169.254.169.254/latest/api/token",
            .failure(.timedOut(host: "169.254.169.254", after: .seconds(1))))
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error == .noCredentials(profile: "default"))
        #expect(world.transport.requests.count == 1)
        #expect(world.transport.timeouts == [.seconds(1)])
    }

    @Test func disabledMeansNoRequestAtAll() async {
        var world = Self.imdsWorld()
        world.variables["AWS_EC2_METADATA_DISABLED"] = "TRUE"
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error == .noCredentials(profile: "default"))
        #expect(world.transport.requests.isEmpty)
    }

    @Test func endpointTimeoutAndAttemptsComeFromTheEnvironment() async throws {
        var world = CredentialWorld()
        world.variables["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:1338"
        world.variables["AWS_METADATA_SERVICE_TIMEOUT"] = "0.5"
        world.variables["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] = "2"
        world.transport.on("PUT", "http://127.0.0.1:1338/latest/api/token", body: "t")
        world.transport.on(
            "GET", "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/",
            .response(HTTPResponse(status: 500)), .response(HTTPResponse(status: 200, body: Data("R".utf8))))
        world.transport.on(
            "GET", "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/R",
            body: Self.metadataBody)
        _ = try await world.chain().credentials()
        #expect(world.transport.requests.count == 4)
        #expect(world.transport.timeouts.allSatisfy { $0 == .milliseconds(500) })
    }

    @Test func ipv6ModeUsesTheIPv6Endpoint() {
        var world = CredentialWorld()
        world.variables["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"] = "IPv6"
        let settings = InstanceMetadataCredentialProvider.settings(
            environment: world.environment, profile: nil)
        #expect(settings.baseURL == "http://[fd00:ec2::254]/")
    }

    @Test func fallsBackToIMDSv1WhenTokensAreNotSupported() async throws {
        let world = Self.imdsWorld()
        world.transport.on("PUT", "http://169.254.169.254/latest/api/token", status: 403, body: "")
        _ = try await world.chain().credentials()
        let gets = world.transport.requests.filter { $0.method == "GET" }
        #expect(gets.count == 2)
        #expect(gets.allSatisfy { $0.header("x-aws-ec2-metadata-token") == nil })
    }

    @Test func imdsV1CanBeForbidden() async {
        var world = Self.imdsWorld()
        world.variables["AWS_EC2_METADATA_V1_DISABLED"] = "true"
        world.transport.on("PUT", "http://169.254.169.254/latest/api/token", status: 404, body: "")
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error?.description.contains("IMDSv1 is disabled") == true)
    }

    @Test func anInstanceWithoutARoleIsSkipped() async {
        let world = CredentialWorld()
        world.transport.on("PUT", "http://169.254.169.254/latest/api/token", body: "t")
        world.transport.on(
            "GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", status: 404, body: "")
        let diagnosis = await world.chain().diagnose()
        #expect(
            diagnosis.steps.last
                == .init(
                    source: "instance metadata",
                    outcome: .skipped("the instance metadata service lists no IAM role")))
    }

    @Test func anErrorDocumentInsteadOfCredentialsIsSkipped() async {
        let world = Self.imdsWorld()
        world.transport.on(
            "GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/WebServerRole",
            body: #"{"Code": "AssumeRoleUnauthorizedAccess", "Message": "EC2 cannot assume the role"}"#)
        let diagnosis = await world.chain().diagnose()
        #expect(
            diagnosis.steps.last?.outcome
                == .skipped("no credentials for IAM role WebServerRole (AssumeRoleUnauthorizedAccess)"))
    }
}
