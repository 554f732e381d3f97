import Foundation
import OpsDeckTestSupport

/// python3 with boto3 and moto's server: where it is, whether it is usable, and how the
/// helper scripts in Fixtures/ are run.
enum PythonPeers {
    /// The directory of the Python helpers (excluded from the test target).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// What the peers need, found once per test run.
    struct Availability: Sendable {
        /// The absolute path of python3, when it is on PATH.
        let python: String?
        /// Why the tests cannot run, or nil when they can.
        let skipReason: String?
    }

    /// Looked up once; prints the reason when the peers are missing, so a skipped run says
    /// why in its log.
    static let availability: Availability = {
        guard let python = findOnPath("python3") else {
            return report(Availability(python: nil, skipReason: "python3 is not on PATH"))
        }
        let probe = "import boto3, botocore, moto.server, flask"
        let status = runBlocking(python, ["-c", probe], timeout: 60)
        guard status == 0 else {
            return report(
                Availability(
                    python: python,
                    skipReason: "python3 cannot import boto3, moto[server] (pip install boto3 'moto[server]')"
                ))
        }
        return Availability(python: python, skipReason: nil)
    }()

    /// Whether the AWS integration tests can run here.
    static var isAvailable: Bool { availability.skipReason == nil }

    /// The environment for every Python child: the runner's PATH and HOME (pyenv needs
    /// them), nothing of the user's AWS setup, and loopback never sent through a proxy.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment: [String: String] = [:]
        for name in [
            "PATH", "HOME", "LANG", "LC_ALL", "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV", "TMPDIR",
        ] {
            if let value = inherited[name] { environment[name] = value }
        }
        environment["PYTHONUNBUFFERED"] = "1"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["no_proxy"] = "127.0.0.1,localhost"
        return environment.merging(extra) { _, new in new }
    }

    /// ``environment(_:)`` for a server: with this process's pid, so that the server ends
    /// itself (Fixtures/orphan_guard.py) if the test runner dies without stopping it.
    static func serverEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        environment(extra.merging(["OPSDECK_PARENT_PID": "\(getpid())"]) { given, _ in given })
    }

    /// The path of python3.
    /// - Throws: `IntegrationError.notReady` when the peers are missing.
    static func python() throws -> String {
        guard let python = availability.python, availability.skipReason == nil else {
            throw IntegrationError.notReady(what: "python3", detail: availability.skipReason ?? "missing")
        }
        return python
    }

    /// The output of one run of a helper script.
    struct ScriptResult: Sendable {
        let exit: ChildProcess.Exit
        let stdout: String
        let stderr: String
    }

    /// Runs `Fixtures/<script>` with `arguments` to the end (bounded by `timeout`).
    /// - Throws: `ChildProcessError.timedOut` when it runs too long, `.spawnFailed` when it
    ///   cannot start. A failing exit is returned, not thrown: callers decide.
    static func runScript(
        _ script: String, _ arguments: [String], scratch: ScratchDirectory, timeout: Duration = .seconds(120)
    ) async throws -> ScriptResult {
        let child = try ChildProcess.spawn(
            try python(), [fixtures.appendingPathComponent(script).path] + arguments,
            environment: environment(), outputDirectory: scratch.url)
        let exit = try await child.wait(timeout: timeout)
        return ScriptResult(exit: exit, stdout: child.standardOutput, stderr: child.standardError)
    }

    private static func report(_ availability: Availability) -> Availability {
        if let reason = availability.skipReason {
            print("AWSIntegrationTests skipped: \(reason)")
        }
        return availability
    }

    private static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a probe synchronously (the availability check happens while traits are
    /// evaluated, outside any task), polling its exit with a bound.
    private static func runBlocking(_ executable: String, _ arguments: [String], timeout: Int) -> Int32? {
        guard let scratch = try? ScratchDirectory(prefix: "peers-probe"),
            let child = try? ChildProcess.spawn(
                executable, arguments, environment: environment(), outputDirectory: scratch.url)
        else { return nil }
        defer { scratch.remove() }
        for _ in 0..<(timeout * 100) {
            if let exit = child.exit { return exit.signaled ? nil : exit.code }
            usleep(10_000)
        }
        kill(-child.pid, SIGKILL)
        for _ in 0..<5_000 where child.exit == nil { usleep(1_000) }
        return nil
    }
}
