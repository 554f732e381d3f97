import Foundation
import OpsDeckTestSupport

/// One of the Python servers in Fixtures/ (fixture_server.py, fault_proxy.py): started with
/// python3, ready once it prints `PORT <n>` on stdout, stopped with SIGTERM then SIGKILL.
final class PythonServer: Sendable {
    /// `http://127.0.0.1:<port>`.
    let endpoint: URL
    /// The port it chose.
    let port: Int
    /// Its private directory (data files, output).
    let scratch: ScratchDirectory
    private let process: ChildProcess

    private init(endpoint: URL, port: Int, scratch: ScratchDirectory, process: ChildProcess) {
        self.endpoint = endpoint
        self.port = port
        self.scratch = scratch
        self.process = process
    }

    /// Starts `Fixtures/<script>`; `arguments` is built from the scratch directory, where
    /// files the server reads can be written first.
    /// - Throws: `IntegrationError.notReady` (with the server's stderr) when it exits or
    ///   prints no port within `timeout`.
    static func start(
        script: String, timeout: Duration = .seconds(90),
        arguments: (ScratchDirectory) throws -> [String]
    ) async throws -> PythonServer {
        let scratch = try ScratchDirectory(
            prefix: URL(fileURLWithPath: script).deletingPathExtension().lastPathComponent)
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                try PythonPeers.python(),
                [PythonPeers.fixtures.appendingPathComponent(script).path] + (try arguments(scratch)),
                environment: PythonPeers.serverEnvironment(), outputDirectory: scratch.url)
        } catch {
            scratch.remove()
            throw error
        }
        do {
            let port = try await waitForPort(process, script: script, timeout: timeout)
            return PythonServer(
                endpoint: try LoopbackHTTP.url(port: port), port: port, scratch: scratch, process: process)
        } catch {
            await process.stop()
            scratch.remove()
            throw error
        }
    }

    /// Stops the server and removes its scratch directory. Idempotent.
    func stop() async {
        await process.stop()
        scratch.remove()
    }

    /// Whether the server process is still running.
    var isRunning: Bool { process.exit == nil }

    /// Its stderr so far, for failure messages.
    var log: String { process.stderrTail() }

    /// `endpoint` + `path` (which starts with `/`).
    func url(_ path: String) throws -> URL { try LoopbackHTTP.url(port: port, path: path) }

    private static func waitForPort(_ process: ChildProcess, script: String, timeout: Duration) async throws
        -> Int
    {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            // Only whole lines: the write of "PORT n\n" may be read half done.
            let output = process.standardOutput
            let complete = output[..<(output.lastIndex(of: "\n") ?? output.startIndex)]
            if let line = complete.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }),
                let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
            {
                return port
            }
            if let exit = process.exit {
                throw IntegrationError.notReady(what: script, detail: "\(exit)\n\(process.stderrTail())")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw IntegrationError.notReady(
            what: script, detail: "no port within \(timeout.wholeSeconds) s\n\(process.stderrTail())")
    }
}
