import AWSClient
import Foundation
import OpsDeckHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `moto_server` on a free loopback port with signature checking on, for the one
/// end-to-end check of signer and transport. The server exits by itself when the test
/// process goes away, so a crashed test does not leave it running.
final class MotoServer: @unchecked Sendable {
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    let endpoint: String
    private let process: Process
    private let logURL: URL

    // Runs moto in-process under a watchdog thread that exits when the parent changes. The
    // child inherits the signal mask of whichever test thread spawned it, which may block
    // SIGTERM, so it clears the mask first.
    private static let launcher = """
        import os, signal, sys, threading, time
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        parent = os.getppid()
        def watch():
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
        from moto.server import main
        main(["-H", "127.0.0.1", "-p", sys.argv[1]])
        """

    private init(port: Int, process: Process, logURL: URL) {
        self.port = port
        self.endpoint = "http://127.0.0.1:\(port)"
        self.process = process
        self.logURL = logURL
    }

    /// Starts the server and waits (at most about 15 s) until it answers.
    static func start(transport: any HTTPTransport) async throws -> MotoServer {
        let port = try freePort()
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-moto-\(port).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", launcher, String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(port: port, process: process, logURL: logURL)
        for _ in 0..<150 {
            guard process.isRunning else {
                throw StartError(
                    description: "moto_server exited at start (is moto[server] installed?)\n\(server.logTail)"
                )
            }
            let probe = HTTPRequest(
                method: "GET", url: try requireURL("\(server.endpoint)/moto-api/data.json"))
            if (try? await transport.send(probe, timeout: .seconds(1)))?.status == 200 { return server }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        throw StartError(description: "moto_server did not answer on port \(port)\n\(server.logTail)")
    }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it to exit.
    func stop() {
        if process.isRunning {
            process.terminate()
            for _ in 0..<50 where process.isRunning {
                usleep(100_000)
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logURL)
    }

    /// The end of the server's log, for failure messages.
    var logTail: String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return String(text.suffix(2000))
    }

    /// Turns signature checking off (`inf`) or on (`0`).
    func setAuthentication(unchecked count: String, transport: any HTTPTransport) async throws {
        let request = HTTPRequest(
            method: "POST", url: try requireURL("\(endpoint)/moto-api/reset-auth"),
            headers: [(name: "Content-Type", value: "text/plain")], body: Data(count.utf8))
        let response = try await transport.send(request, timeout: .seconds(5))
        guard response.status == 200 else {
            throw StartError(description: "reset-auth answered \(response.status)")
        }
    }

    /// A loopback port that was free a moment ago.
    static func freePortForTests() throws -> Int { try freePort() }

    private static func freePort() throws -> Int {
        #if canImport(Glibc)
            let streamType = Int32(SOCK_STREAM.rawValue)
        #else
            let streamType = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw StartError(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw StartError(description: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A URL from text the test itself built.
func requireURL(_ text: String) throws -> URL {
    guard let url = URL(string: text) else { throw MotoServer.StartError(description: "bad URL \(text)") }
    return url
}
