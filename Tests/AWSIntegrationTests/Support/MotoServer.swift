import Foundation
import OpsDeckTestSupport

/// A `moto_server` on 127.0.0.1 with signature checking on (`INITIAL_NO_AUTH_ACTION_COUNT=0`),
/// started for one test and stopped by it.
///
/// Prefer ``withMotoServer(_:)``, which stops it on every path out of the test body.
final class MotoServer: Sendable {
    /// Where to send requests: `http://127.0.0.1:<port>`.
    let endpoint: URL
    /// The port it listens on.
    let port: Int
    private let process: ChildProcess
    private let scratch: ScratchDirectory

    private init(endpoint: URL, port: Int, process: ChildProcess, scratch: ScratchDirectory) {
        self.endpoint = endpoint
        self.port = port
        self.process = process
        self.scratch = scratch
    }

    /// Starts moto on a free port and waits (at most `timeout`) until `GET /moto-api/`
    /// answers. A port taken between finding it and moto binding it is retried, twice.
    /// - Throws: `IntegrationError.notReady` (with moto's stderr) when it never answers.
    static func start(timeout: Duration = .seconds(90)) async throws -> MotoServer {
        var lastError: Error = IntegrationError.notReady(what: "moto_server", detail: "not started")
        for _ in 0..<3 {
            let scratch = try ScratchDirectory(prefix: "moto")
            let process: ChildProcess
            let port: Int
            let endpoint: URL
            do {
                port = try LoopbackHTTP.freePort()
                endpoint = try LoopbackHTTP.url(port: port)
                // run_moto.py is moto_server plus a guard that ends it if this process dies.
                let script = PythonPeers.fixtures.appendingPathComponent("run_moto.py").path
                process = try ChildProcess.spawn(
                    try PythonPeers.python(), [script, "-H", "127.0.0.1", "-p", "\(port)"],
                    environment: PythonPeers.serverEnvironment(["INITIAL_NO_AUTH_ACTION_COUNT": "0"]),
                    outputDirectory: scratch.url)
            } catch {
                scratch.remove()
                throw error
            }
            let server = MotoServer(endpoint: endpoint, port: port, process: process, scratch: scratch)
            do {
                try await server.waitUntilReady(timeout: timeout)
                return server
            } catch {
                // Only moto exiting on its own (a port taken meanwhile) is worth another try.
                let exitedByItself = process.exit != nil
                await server.stop()
                guard exitedByItself, !(error is CancellationError) else { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    /// Stops moto (SIGTERM, then SIGKILL) and removes its scratch files. Idempotent.
    func stop() async {
        await process.stop()
        scratch.remove()
    }

    /// Whether the moto process is still running.
    var isRunning: Bool { process.exit == nil }

    /// moto's stderr so far (its request log), for failure messages.
    var log: String { process.stderrTail(4000) }

    private func waitUntilReady(timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        let probe = try LoopbackHTTP.url(port: port, path: "/moto-api/")
        while clock.now < deadline {
            if let exit = process.exit {
                throw IntegrationError.notReady(
                    what: "moto_server on port \(port)", detail: "\(exit)\n\(process.stderrTail())")
            }
            if LoopbackHTTP.isListening(port: port),
                let answer = try? await LoopbackHTTP.send("GET", probe, timeout: .seconds(5)),
                answer.status == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw IntegrationError.notReady(
            what: "moto_server on port \(port)",
            detail: "no answer within \(timeout.wholeSeconds) s\n\(process.stderrTail())")
    }
}

/// Runs `body` with a fresh moto server and stops the server however `body` ends.
func withMotoServer<T: Sendable>(
    _ body: (MotoServer) async throws -> T
) async throws -> T {
    let server = try await MotoServer.start()
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
