import Foundation
import OpsDeckHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loopback peers of the notification tests (`Fixtures/notify_peers.py`): moto with
/// signature checking on, and an HTTP webhook receiver. Every server is stopped by `stop()`
/// and exits by itself if the test process dies.
final class NotifyPeer: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/notify_peers.py").path

    let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// True when python3 can import boto3 and moto's server.
    static let isAvailable: Bool = (try? run(["check"])) != nil

    /// moto on a free port, once it answers (at most about 15 s).
    static func moto(transport: any HTTPTransport) async throws -> NotifyPeer {
        let port = try freePort()
        let process = try launch(["moto", String(port)], stdout: FileHandle.nullDevice)
        let peer = NotifyPeer(port: port, process: process)
        guard let probeURL = URL(string: "\(peer.endpoint)/moto-api/data.json") else {
            throw Failure(description: "bad URL")
        }
        for _ in 0..<150 {
            guard process.isRunning else {
                throw Failure(description: "moto exited (is moto[server] installed?)")
            }
            let probe = HTTPRequest(method: "GET", url: probeURL)
            if (try? await transport.send(probe, timeout: .seconds(1)))?.status == 200 { return peer }
            try await Task.sleep(for: .milliseconds(100))
        }
        peer.stop()
        throw Failure(description: "moto did not answer on port \(port)")
    }

    /// The webhook receiver answering `status`, writing requests to `outfile`.
    static func webhook(status: Int, outfile: String) throws -> NotifyPeer {
        let pipe = Pipe()
        let process = try launch(["webhook", String(status), outfile], stdout: pipe.fileHandleForWriting)
        // The receiver prints its port once bound; a dead receiver closes the pipe.
        try pipe.fileHandleForWriting.close()
        var line = ""
        // Bounded: the receiver writes one short line at once, or exits (end of file).
        for _ in 0..<20 where !line.contains("\n") {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "the webhook receiver did not start: \(line)")
        }
        return NotifyPeer(port: port, process: process)
    }

    /// Runs a one-shot command of the script to its end and returns what it printed.
    static func run(_ arguments: [String]) throws -> String {
        let pipe = Pipe()
        let process = try launch(arguments, stdout: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "notify_peers.py \(arguments.first ?? "") failed (\(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private static func launch(_ arguments: [String], stdout: FileHandle) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"
        process.environment = environment
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func freePort() throws -> Int {
        #if canImport(Glibc)
            let streamType = Int32(SOCK_STREAM.rawValue)
        #else
            let streamType = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
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
        guard bound else { throw Failure(description: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
