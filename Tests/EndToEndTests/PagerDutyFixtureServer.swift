import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Tests/PagerDutyTests/Fixtures/pagerduty_fixture.py on loopback for the console: PagerDuty's
/// REST API v2 from data the test gives it. `stop()` takes it away; `restart()` brings it
/// back, empty, on the same port.
final class PagerDutyFixtureServer: @unchecked Sendable {
    static let token = "e2e-pd-token-6b1f"
    static let script = OpsDeckBinary.repositoryRoot
        .appendingPathComponent("Tests/PagerDutyTests/Fixtures/pagerduty_fixture.py")

    private(set) var port: Int
    private var process: Process
    private let scratch: URL

    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, process: Process, scratch: URL) {
        self.port = port
        self.process = process
        self.scratch = scratch
    }

    /// python3 on PATH (the fixture needs only the standard library).
    static let python: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { python != nil }

    static func start(scratch: URL) async throws -> PagerDutyFixtureServer {
        let (process, port) = try await spawn(port: 0, scratch: scratch)
        return PagerDutyFixtureServer(port: port, process: process, scratch: scratch)
    }

    private static func spawn(port: Int, scratch: URL) async throws -> (Process, Int) {
        guard let python else {
            throw E2EError.processFailed(command: "python3", status: 1, stderr: "python3 is not on PATH")
        }
        let output = scratch.appendingPathComponent("pagerduty-\(UUID().uuidString.prefix(6)).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [script.path, "--token", token, "--port", String(port)]
        server.environment = LiveMoto.environment()
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = handle
        server.standardError = FileHandle.nullDevice
        try server.run()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(20))
        while clock.now < deadline, server.isRunning {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }),
                let chosen = Int(line.dropFirst(5)), text.hasSuffix("\n")
            {
                return (server, chosen)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        stop(server)
        throw E2EError.processFailed(command: "pagerduty_fixture.py", status: 1, stderr: "printed no port")
    }

    /// Takes PagerDuty away: connections to the port are refused.
    func stop() { Self.stop(process) }

    /// Brings it back on the same port, with no data.
    func restart() async throws {
        Self.stop(process)
        (process, port) = try await Self.spawn(port: port, scratch: scratch)
    }

    /// POSTs to one of the fixture's `/_fixture/...` control endpoints.
    func control(_ path: String, _ body: [String: Any]) async throws {
        guard let url = URL(string: baseURL + path) else { return }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw E2EError.processFailed(command: "POST \(path)", status: 1, stderr: "\(response)")
        }
    }

    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
