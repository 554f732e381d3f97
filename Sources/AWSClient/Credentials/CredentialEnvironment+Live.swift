import Foundation
import Synchronization

extension CredentialEnvironment {
    /// Reads a regular file; nil when the path is missing or is not a regular file, as the
    /// CLI treats a missing `~/.aws/config` as empty rather than as an error.
    @Sendable
    public static func readRegularFile(_ path: String) throws -> Data? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            return nil
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CredentialError.fileUnreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Runs `/bin/sh -c command` with standard input closed and both outputs captured.
    ///
    /// Standard input is the null device: the console owns the terminal, and a helper
    /// that must talk to the user can still open `/dev/tty` itself.
    @Sendable
    public static func runShellCommand(_ command: String) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(command) })
            }
        }
    }

    private static func runBlocking(_ command: String) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CredentialError.processNotStarted(reason: error.localizedDescription)
        }
        // Drain standard error on another thread so a chatty process cannot fill that pipe
        // and block while this thread waits on standard output.
        let errorData = Mutex(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus,
            standardOutput: outputData,
            standardError: errorData.withLock { $0 }
        )
    }
}
