import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `opsdeck webhook serve` as a child process, for the crash test. Unchecked
/// Sendable: after `init` only `crash`/`stop` touch it, from one thread at a time.
final class ReceiverProcess: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case binaryMissing(String)
        case noAddress(String)

        var description: String {
            switch self {
            case .binaryMissing(let path): "\(path) is missing; run `swift build` first"
            case .noAddress(let output): "the receiver did not say where it listens; it wrote: \(output)"
            }
        }
    }

    /// `<repo>/.build/debug/opsdeck`, or `OPSDECK_BIN`.
    static var binary: String {
        if let override = ProcessInfo.processInfo.environment["OPSDECK_BIN"], !override.isEmpty {
            return override
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/opsdeck").path
    }

    let process = Process()
    let port: Int
    private let watchdog: DispatchWorkItem

    /// Starts it and waits for its `listening on` line.
    init(cache: String, environment: [String: String]) throws {
        let binary = Self.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Failure.binaryMissing(binary)
        }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["webhook", "serve", "--listen", "127.0.0.1:0", "--cache", cache]
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Bounded: a receiver that hangs is killed, and the test fails instead of waiting forever.
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        self.watchdog = watchdog
        var output = ""
        var found: Int?
        while found == nil {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            output += String(decoding: data, as: UTF8.self)
            if let range = output.range(of: "listening on 127.0.0.1:") {
                let digits = output[range.upperBound...].prefix { $0.isNumber }
                if output[range.upperBound...].contains("\n") { found = Int(digits) }
            }
        }
        guard let found else {
            kill(pid, SIGKILL)
            throw Failure.noAddress(output)
        }
        port = found
    }

    /// Sends SIGKILL and returns at once (callable from any thread, more than once).
    func sendKill() {
        kill(process.processIdentifier, SIGKILL)
    }

    /// SIGKILL: no chance to flush or finish anything; waits for the process to be gone.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        watchdog.cancel()
    }

    /// SIGTERM, as a service manager stops it.
    func stop() {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        watchdog.cancel()
    }
}
