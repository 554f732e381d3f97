import Foundation
import OpsDeckHTTP

/// Everything the credential chain reads from the outside world, passed in so that tests
/// are hermetic: environment variables, files, child processes, the clock and HTTP.
public struct CredentialEnvironment: Sendable {
    /// Reads a whole file; returns nil when there is no regular file at the path.
    public typealias FileReader = @Sendable (_ path: String) throws -> Data?
    /// Runs a shell command line (`/bin/sh -c`) and waits for it to finish.
    public typealias ProcessRunner = @Sendable (_ command: String) async throws -> ProcessOutput
    /// Waits; injected so retries of the container endpoint need no real time in tests.
    public typealias Sleeper = @Sendable (_ duration: Duration) async throws -> Void

    /// The process environment (`AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, `HOME`, ...).
    public var variables: [String: String]
    /// Reads `~/.aws/config`, the credentials file, SSO caches and token files.
    public var readFile: FileReader
    /// Runs `credential_process` commands.
    public var runProcess: ProcessRunner
    /// The current time, for expiry checks.
    public var now: @Sendable () -> Date
    /// Sleeps between retries of the container credential endpoint.
    public var sleep: Sleeper
    /// Sends SSO, container and instance metadata requests.
    public var transport: any HTTPTransport

    /// Creates an environment; the defaults touch the real file system, processes and clock.
    /// - Parameters:
    ///   - variables: The environment variables; the executable passes its own.
    ///   - transport: The HTTP transport for SSO, ECS and IMDS requests.
    public init(
        variables: [String: String],
        transport: any HTTPTransport,
        readFile: @escaping FileReader = CredentialEnvironment.readRegularFile,
        runProcess: @escaping ProcessRunner = CredentialEnvironment.runShellCommand,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping Sleeper = { try await Task.sleep(for: $0) }
    ) {
        self.variables = variables
        self.transport = transport
        self.readFile = readFile
        self.runProcess = runProcess
        self.now = now
        self.sleep = sleep
    }

    /// A variable's value, treating an empty value as unset.
    func nonEmpty(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// Expands `$VAR`, `${VAR}` and a leading `~` the way the CLI expands
    /// `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`. Unknown variables stay as written.
    func expandPath(_ path: String) -> String {
        expandUser(expandVariables(path))
    }

    private func expandUser(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let rest = path.dropFirst()
        guard rest.isEmpty || rest.hasPrefix("/"), let home = variables["HOME"], !home.isEmpty else {
            return path
        }
        let trimmedHome = home.hasSuffix("/") && home.count > 1 ? String(home.dropLast()) : home
        return trimmedHome + rest
    }

    private func expandVariables(_ path: String) -> String {
        guard path.contains("$") else { return path }
        var result = ""
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            guard character == "$" else {
                result.append(character)
                index = path.index(after: index)
                continue
            }
            let afterDollar = path.index(after: index)
            if afterDollar < path.endIndex, path[afterDollar] == "{",
                let close = path[afterDollar...].firstIndex(of: "}")
            {
                let name = String(path[path.index(after: afterDollar)..<close])
                if let value = variables[name], !name.isEmpty {
                    result += value
                } else {
                    result += path[index...close]
                }
                index = path.index(after: close)
                continue
            }
            var end = afterDollar
            while end < path.endIndex, path[end].isLetter || path[end].isNumber || path[end] == "_" {
                end = path.index(after: end)
            }
            let name = String(path[afterDollar..<end])
            if !name.isEmpty, let value = variables[name] {
                result += value
            } else {
                result += path[index..<end]
            }
            index = end
        }
        return result
    }
}
