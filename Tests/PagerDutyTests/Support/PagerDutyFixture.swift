import Foundation
import OpsDeckHTTP
import OpsDeckTestSupport

@testable import PagerDuty

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fixtures/pagerduty_fixture.py on loopback: PagerDuty's REST API v2 from data the test
/// controls. ``stop()`` and ``restart()`` take it away and bring it back on the same port.
final class PagerDutyFixture: @unchecked Sendable {
    static let token = "fixture-token-3f9a"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// One request the server saw.
    struct SeenRequest: Decodable, Sendable {
        let method: String
        let path: String
        let query: [String: [String]]
        let authorized: Bool
        let accept: String?
        let contentType: String?
        let from: String?
        let body: JSONValueLite?

        enum CodingKeys: String, CodingKey {
            case method, path, query, authorized, accept, from, body
            case contentType = "content_type"
        }

        func value(_ name: String) -> String? { query[name]?.first }
    }

    private(set) var port: Int
    let offsetCap: Int
    private var process: ChildProcess
    private let directory: URL

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    private init(port: Int, offsetCap: Int, process: ChildProcess, directory: URL) {
        self.port = port
        self.offsetCap = offsetCap
        self.process = process
        self.directory = directory
    }

    static func python() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func start(offsetCap: Int = 10_000) async throws -> PagerDutyFixture {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("opsdeck-pdfixture-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let (process, port) = try await spawn(port: 0, offsetCap: offsetCap, directory: directory)
        return PagerDutyFixture(port: port, offsetCap: offsetCap, process: process, directory: directory)
    }

    private static func spawn(port: Int, offsetCap: Int, directory: URL) async throws -> (ChildProcess, Int) {
        guard let python = python() else { throw FixtureError.notReady("python3 is not on PATH") }
        var environment: [String: String] = [
            "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1", "OPSDECK_PARENT_PID": "\(getpid())",
        ]
        for name in ["PATH", "HOME", "LANG", "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV"] {
            environment[name] = ProcessInfo.processInfo.environment[name]
        }
        let process = try ChildProcess.spawn(
            python,
            [
                fixtures.appendingPathComponent("pagerduty_fixture.py").path, "--token", token, "--port",
                String(port), "--offset-cap", String(offsetCap),
            ], environment: environment, outputDirectory: directory)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(90))
        while clock.now < deadline {
            let output = process.standardOutput
            if output.hasSuffix("\n"),
                let line = output.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }),
                let chosen = Int(line.dropFirst(5))
            {
                return (process, chosen)
            }
            if let exit = process.exit {
                throw FixtureError.notReady("pagerduty_fixture.py \(exit): \(process.stderrTail())")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        await process.stop()
        throw FixtureError.notReady("pagerduty_fixture.py printed no port: \(process.stderrTail())")
    }

    /// Takes PagerDuty away: connections to the port are refused.
    func stop() async { await process.stop() }

    /// Brings it back on the same port, with no data (state does not survive a restart).
    func restart() async throws {
        await process.stop()
        let (process, port) = try await Self.spawn(port: port, offsetCap: offsetCap, directory: directory)
        self.process = process
        self.port = port
    }

    /// Stops it and removes its directory.
    func shutdown() async {
        await process.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func control(_ path: String, _ body: [String: Any] = [:], method: String = "POST") async throws -> Data {
        let data = method == "GET" ? Data() : try JSONSerialization.data(withJSONObject: body)
        let request = HTTPRequest(
            method: method, url: baseURL.appendingPathComponent(path),
            headers: [("Content-Type", "application/json")],
            body: data)
        let transport = AsyncHTTPTransport()
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: .seconds(10))
            try await transport.shutdown()
        } catch {
            try? await transport.shutdown()
            throw error
        }
        guard response.status == 200 else {
            throw FixtureError.http("\(path): HTTP \(response.status)")
        }
        return response.body
    }

    func addIncidents(_ incidents: [[String: Any]]) async throws {
        try await control("/_fixture/incidents", ["incidents": incidents])
    }

    func requests() async throws -> [SeenRequest] {
        struct Log: Decodable { let requests: [SeenRequest] }
        return try JSONDecoder().decode(
            Log.self, from: try await control("/_fixture/requests", method: "GET")
        )
        .requests
    }

    func forgetRequests() async throws { try await control("/_fixture/reset") }

    var log: String { process.stderrTail() }
}

/// Looks into recorded request bodies with the client's own JSON value.
extension JSONValueLite {
    subscript(_ key: String) -> JSONValueLite? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// Runs `body` with a fixture server, shut down however `body` ends.
func withPagerDutyFixture<T>(
    offsetCap: Int = 10_000, _ body: (PagerDutyFixture) async throws -> T
) async throws -> T {
    let fixture = try await PagerDutyFixture.start(offsetCap: offsetCap)
    do {
        let result = try await body(fixture)
        await fixture.shutdown()
        return result
    } catch {
        await fixture.shutdown()
        throw error
    }
}
