import Foundation
import OpsDeckApp
import OpsDeckHTTP

#if canImport(Glibc)
    import Glibc
#endif

/// A Python server the AWS benchmark starts on 127.0.0.1 (moto, the fault proxy): its
/// process, its port, and a way to stop it on every path out.
final class LoopbackPeer {
    let name: String
    let port: Int
    let process: Process
    private let logPath: String

    /// `http://127.0.0.1:<port>`.
    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(name: String, port: Int, process: Process, logPath: String) {
        self.name = name
        self.port = port
        self.process = process
        self.logPath = logPath
    }

    /// Starts `arguments` (a Python script and its options) and waits until `port` accepts
    /// connections (at most `timeout` seconds).
    static func start(
        name: String, python: String, arguments: [String], port: Int, environment: [String: String],
        logPath: String, timeout: Double = 30
    ) throws -> LoopbackPeer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        process.environment = environment
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log ?? FileHandle.nullDevice
        process.standardError = log ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw BenchError.setupFailed("cannot start \(name) (\(python)): \(error.localizedDescription)")
        }
        let peer = LoopbackPeer(name: name, port: port, process: process, logPath: logPath)
        let deadline = Date().addingTimeInterval(timeout)
        while !Self.accepts(port: port) {
            guard process.isRunning, Date() < deadline else {
                let output = peer.logTail
                peer.stop()
                throw BenchError.setupFailed("\(name) did not listen on 127.0.0.1:\(port): \(output)")
            }
            usleep(100_000)
        }
        return peer
    }

    /// The end of what the peer printed, for error messages.
    var logTail: String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return String(text.suffix(600))
    }

    /// CPU seconds (user and system) the peer has used so far, from /proc.
    var cpuSeconds: Double {
        guard
            let stat = try? String(
                contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name; utime and stime are the 14th and 15th of the line.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            return 0
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Stops the peer: SIGTERM, then SIGKILL after two seconds. Idempotent.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A port on 127.0.0.1 that nothing listens on now.
    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw BenchError.setupFailed("cannot open a socket to find a free port") }
        defer { close(socketFD) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard bound == 0, named == 0 else { throw BenchError.setupFailed("cannot bind 127.0.0.1:0") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return connected == 0
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    /// One HTTP request to a peer's control endpoint; the body of a 200 answer.
    static func control(_ method: String, _ url: String, body: Data = Data()) throws -> Data {
        guard let target = URL(string: url) else { throw BenchError.setupFailed("bad URL \(url)") }
        let result = BlockingTask.run(fallback: Result<HTTPResponse, any Error>.failure(CancellationError()))
        {
            let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
            let result: Result<HTTPResponse, any Error>
            do {
                result = .success(
                    try await transport.send(
                        HTTPRequest(method: method, url: target, body: body), timeout: .seconds(30)))
            } catch {
                result = .failure(error)
            }
            try? await transport.shutdown()
            return result
        }
        let response: HTTPResponse
        do {
            response = try result.get()
        } catch {
            throw BenchError.setupFailed("\(method) \(url) failed: \(error)")
        }
        guard response.status == 200 else {
            throw BenchError.setupFailed("\(method) \(url) answered HTTP \(response.status)")
        }
        return response.body
    }
}
