import Foundation

/// Fixtures/fixture_server.py: CodePipeline executions and state, CloudWatch composite
/// alarms, Cost Explorer forecast and anomalies, GitHub Actions runs, in their documented
/// wire formats, from data the test controls.
///
/// Prefer ``withFixtureServer(data:moto:_:)``, which stops it on every path out of the test.
final class FixtureServer: Sendable {
    /// One request the server saw (`GET /_fixture/requests`).
    struct Request: Decodable, Sendable {
        let method: String
        let path: String
        let target: String?
        let accessKeyId: String?
        let region: String?
        let service: String?
        /// Whether the signature was recomputed and matched (false: structure only).
        let signatureChecked: Bool?
        let accountId: String?
        let status: Int?
        let error: String?

        enum CodingKeys: String, CodingKey {
            case method, path, target, region, service, status, error
            case accessKeyId = "access_key_id"
            case signatureChecked = "signature_checked"
            case accountId = "account_id"
        }
    }

    /// The sample data in Fixtures/fixture_data.json.
    static let sampleData = PythonPeers.fixtures.appendingPathComponent("fixture_data.json")

    private let server: PythonServer

    /// `http://127.0.0.1:<port>`: the endpoint for CodePipeline, CloudWatch, Cost Explorer,
    /// and the GitHub API base URL.
    var endpoint: URL { server.endpoint }

    private init(server: PythonServer) { self.server = server }

    /// Starts the server with `data` (the JSON described in Fixtures/README.md).
    /// - Parameter moto: a moto endpoint: then keys are looked up in moto (signatures
    ///   checked, accounts known) and DescribeAlarms merges moto's metric alarms.
    static func start(data: Data, moto: URL? = nil) async throws -> FixtureServer {
        let server = try await PythonServer.start(script: "fixture_server.py") { scratch in
            let file = try scratch.write(data, to: "data.json")
            return [file.path] + (moto.map { ["--moto", $0.absoluteString] } ?? [])
        }
        return FixtureServer(server: server)
    }

    /// Starts the server with the sample data, or the file at `dataFile`.
    static func start(dataFile: URL = sampleData, moto: URL? = nil) async throws -> FixtureServer {
        try await start(data: try Data(contentsOf: dataFile), moto: moto)
    }

    /// Replaces the data it serves.
    func replaceData(_ data: Data) async throws {
        let answer = try await LoopbackHTTP.send("POST", try server.url("/_fixture/data"), body: data)
        guard answer.status == 200 else {
            throw IntegrationError.http("replacing fixture data: HTTP \(answer.status) \(answer.text)")
        }
    }

    /// Every request it has served since start or ``forgetRequests()``, oldest first.
    func requests() async throws -> [Request] {
        struct Log: Decodable { let requests: [Request] }
        return try await LoopbackHTTP.send("GET", try server.url("/_fixture/requests")).decode(Log.self)
            .requests
    }

    /// Forgets the requests seen so far.
    func forgetRequests() async throws {
        _ = try await LoopbackHTTP.send("POST", try server.url("/_fixture/reset"))
    }

    /// Stops the server. Idempotent.
    func stop() async { await server.stop() }

    /// Whether the server process still runs.
    var isRunning: Bool { server.isRunning }

    /// Its stderr, for failure messages.
    var log: String { server.log }
}

/// Runs `body` with a fixture server serving `data` (default: the sample data), stopped
/// however `body` ends.
func withFixtureServer<T: Sendable>(
    data: Data? = nil, moto: URL? = nil, _ body: (FixtureServer) async throws -> T
) async throws -> T {
    let server =
        if let data {
            try await FixtureServer.start(data: data, moto: moto)
        } else {
            try await FixtureServer.start(moto: moto)
        }
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
