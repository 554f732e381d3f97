import AWSClient
import AWSSigV4
import Foundation
import OpsDeckHTTP
import Synchronization
import Testing

/// Counts what goes through a transport.
final class CountingTransport: HTTPTransport {
    let inner: any HTTPTransport
    private let count = Mutex(0)

    init(_ inner: any HTTPTransport) {
        self.inner = inner
    }

    var sent: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        count.withLock { $0 += 1 }
        return try await inner.send(request, timeout: timeout)
    }
}

/// One end-to-end check of the signer and the AsyncHTTPClient transport against moto with
/// signature checking on.
@Suite(.serialized)
struct MotoLiveTests {
    @Test(.timeLimit(.minutes(1)))
    func signedCallsPassAndABadSecretFailsAtOnce() async throws {
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(2))
        do {
            try await run(transport)
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    private func run(_ transport: AsyncHTTPTransport) async throws {
        let moto = try await MotoServer.start(transport: transport)
        defer { moto.stop() }
        let endpoints = AWSEndpointResolver(environment: ["AWS_ENDPOINT_URL": moto.endpoint])
        func core(_ credentials: AWSCredentials, _ transport: any HTTPTransport, profile: String? = nil)
            -> AWSClientCore
        {
            AWSClientCore(
                region: "us-east-1",
                credentialProvider: FixedCredentials(credentials, source: "moto test key"),
                transport: transport, endpoints: endpoints,
                retryPolicy: RetryPolicy(quota: nil, sleep: { _ in }, random: { 0 }), timeout: .seconds(10),
                profile: profile)
        }

        // Seed with checking off: any signed request is accepted, then turn it on.
        try await moto.setAuthentication(unchecked: "inf", transport: transport)
        let seed = core(
            AWSCredentials(accessKeyId: "AKIASEEDSEEDSEEDSEED", secretAccessKey: "seed"), transport)
        var user = QueryParameters()
        user.set("UserName", "opsdeck-live")
        _ = try await seed.query(.iam, action: "CreateUser", parameters: user)
        var policy = QueryParameters()
        policy.set("UserName", "opsdeck-live")
        policy.set("PolicyName", "all")
        policy.set(
            "PolicyDocument",
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
        _ = try await seed.query(.iam, action: "PutUserPolicy", parameters: policy)
        let created = try await seed.query(.iam, action: "CreateAccessKey", parameters: user)
        let key = try #require(created.child("AccessKey"))
        let credentials = AWSCredentials(
            accessKeyId: try #require(key.string("AccessKeyId")),
            secretAccessKey: try #require(key.string("SecretAccessKey")))
        try await moto.setAuthentication(unchecked: "0", transport: transport)

        let identity = try await STSClient(core: core(credentials, transport)).getCallerIdentity()
        #expect(identity.account == "123456789012")
        #expect(identity.arn == "arn:aws:iam::123456789012:user/opsdeck-live")

        // A JSON service through the same path: signed for us-east-1 against the custom URL.
        let clusters = try await ECSClient(core: core(credentials, transport)).listClusters()
        #expect(clusters.isEmpty)

        let counting = CountingTransport(transport)
        let wrong = AWSCredentials(accessKeyId: credentials.accessKeyId, secretAccessKey: "not-the-secret")
        let error = await #expect(throws: AWSClientError.self) {
            _ = try await STSClient(core: core(wrong, counting, profile: "live")).getCallerIdentity()
        }
        #expect(counting.sent == 1, "a bad signature is not retried")
        let serviceError = try #require(error?.serviceError, "\(String(describing: error))\n\(moto.logTail)")
        #expect(["SignatureDoesNotMatch", "InvalidClientTokenId"].contains(serviceError.code))
        #expect(serviceError.httpStatus == 403)
        let message = serviceError.description
        #expect(message.contains("STS GetCallerIdentity"))
        #expect(message.contains("check the credentials of profile live"))
        #expect(!message.contains("not-the-secret"))

        let unknown = AWSCredentials(accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x")
        let unknownError = await #expect(throws: AWSClientError.self) {
            _ = try await IAMClient(core: core(unknown, transport)).listRoles()
        }
        #expect(unknownError?.serviceError?.code == "InvalidClientTokenId")
    }
}

/// The transport's mapping of socket failures, on loopback.
struct AsyncHTTPTransportTests {
    @Test(.timeLimit(.minutes(1)))
    func aRefusedConnectionIsAConnectionFailure() async throws {
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(2))
        let port = try closedPort()
        let request = HTTPRequest(
            method: "POST", url: try requireURL("http://127.0.0.1:\(port)/"), body: Data("x".utf8))
        let error = await #expect(throws: TransportError.self) {
            _ = try await transport.send(request, timeout: .seconds(5))
        }
        try await transport.shutdown()
        guard case .connectionFailed(let host, let reason) = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(host == "127.0.0.1")
        #expect(reason.contains("refused"))
    }

    @Test(.timeLimit(.minutes(1)))
    func aRefusedEndpointIsRetriedThenNamed() async throws {
        let transport = CountingTransport(AsyncHTTPTransport(connectTimeout: .seconds(2)))
        let port = try closedPort()
        let core = TestCore.make(
            transport, endpoints: AWSEndpointResolver(explicitURL: "http://127.0.0.1:\(port)"))
        let error = await #expect(throws: AWSClientError.self) {
            _ = try await STSClient(core: core).getCallerIdentity()
        }
        try await (transport.inner as? AsyncHTTPTransport)?.shutdown()
        #expect(transport.sent == 3)
        let text = String(describing: error)
        #expect(text.contains("STS GetCallerIdentity"))
        #expect(text.contains("after 3 attempts"))
        #expect(text.contains("connection refused"))
    }

    /// A port nothing listens on: bound, read, closed.
    private func closedPort() throws -> Int {
        try MotoServer.freePortForTests()
    }
}
