import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a child process without blocking the test's thread, with a bounded time.
///
/// Output goes to files, not pipes: `tmux new-session -d` forks a server that would keep
/// a pipe open, and an exporter's output may be larger than a pipe's buffer.
enum ProcessRunner {
    /// Runs `executable` with `arguments` and exactly `environment` (nothing inherited).
    /// - Throws: `E2EError.processTimedOut` when it runs past `timeout`; launch errors.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        scratch: URL, timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        let token = UUID().uuidString
        let outURL = scratch.appendingPathComponent("out-\(token)")
        let errURL = scratch.appendingPathComponent("err-\(token)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle

        let commandLine = ([executable] + arguments).joined(separator: " ")
        let finished = ExitFlag()
        let (status, signaled) = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<(Int32, Bool), any Error>) in
            process.terminationHandler = { done in
                finished.set()
                continuation.resume(
                    returning: (done.terminationStatus, done.terminationReason == .uncaughtSignal))
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            let pid = process.processIdentifier
            Task.detached {
                try? await Task.sleep(for: timeout)
                if !finished.isSet {
                    finished.timedOut()
                    kill(pid, SIGKILL)
                }
            }
        }
        if finished.didTimeOut {
            throw E2EError.processTimedOut(command: commandLine, seconds: Int(timeout.components.seconds))
        }
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return ProcessResult(status: status, signaled: signaled, stdout: stdout, stderr: stderr)
    }
}
