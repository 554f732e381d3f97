import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A seeded `moto_server` for the live-console test, started with the AWS integration
/// tests' own scripts (Tests/AWSIntegrationTests/Fixtures): signature checking on, the
/// same organization. Stopped by `stop()`; if the test runner dies, the scripts' orphan
/// guard ends it.
final class LiveMoto: Sendable {
    let endpoint: String
    /// The seeded admin's keys (moto's, valid only on this server).
    let accessKeyId: String
    let secretAccessKey: String
    /// Names of the seeded accounts, management first.
    let accountNames: [String]
    /// Ids of the seeded accounts, management first.
    let accountIds: [String]
    private let pid: Int32

    private init(
        endpoint: String, accessKeyId: String, secretAccessKey: String, accountNames: [String],
        accountIds: [String],
        pid: Int32
    ) {
        self.endpoint = endpoint
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.accountNames = accountNames
        self.accountIds = accountIds
        self.pid = pid
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AWSIntegrationTests/Fixtures")

    /// python3 when it can import boto3 and moto's server, else nil.
    static let python: String? = {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard
            let python = path.map({ "\($0)/python3" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import boto3, moto.server, flask"]
        probe.environment = environment()
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? python : nil
    }()

    static var isAvailable: Bool { python != nil }

    /// Python's environment: nothing of the user's AWS setup, loopback never proxied.
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
        environment["OPSDECK_PARENT_PID"] = "\(getpid())"
        return environment.merging(extra) { _, new in new }
    }

    /// Starts moto on a free port, waits until it listens (at most 20 s) and seeds it.
    static func start(scratch: URL) async throws -> LiveMoto {
        guard let python else {
            throw E2EError.processFailed(
                command: "python3", status: 1, stderr: "needs boto3 and moto[server]")
        }
        let port = try freePort()
        let endpoint = "http://127.0.0.1:\(port)"
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [
            fixtures.appendingPathComponent("run_moto.py").path, "-H", "127.0.0.1", "-p", "\(port)",
        ]
        server.environment = environment(["INITIAL_NO_AUTH_ACTION_COUNT": "0"])
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let pid = server.processIdentifier
        do {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: .seconds(20))
            while !canConnect(port: port) {
                guard clock.now < deadline, server.isRunning else {
                    throw E2EError.processFailed(command: "moto_server", status: 1, stderr: "never listened")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            let seed = try await ProcessRunner.run(
                python, [fixtures.appendingPathComponent("seed_moto.py").path, "--endpoint", endpoint],
                environment: environment(), scratch: scratch, timeout: .seconds(120))
            guard seed.status == 0, !seed.signaled,
                let manifest = try JSONSerialization.jsonObject(with: Data(seed.stdout.utf8))
                    as? [String: Any],
                let key = manifest["admin_access_key_id"] as? String,
                let secret = manifest["admin_secret_access_key"] as? String,
                let accounts = manifest["accounts"] as? [[String: Any]]
            else {
                throw E2EError.processFailed(
                    command: "seed_moto.py", status: seed.status, stderr: seed.stderr)
            }
            return LiveMoto(
                endpoint: endpoint, accessKeyId: key, secretAccessKey: secret,
                accountNames: accounts.compactMap { $0["name"] as? String },
                accountIds: accounts.compactMap { $0["id"] as? String }, pid: pid)
        } catch {
            stop(pid)
            throw error
        }
    }

    /// Kills moto and reaps it.
    func stop() { Self.stop(pid) }

    private static func stop(_ pid: Int32) {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw E2EError.processFailed(command: "socket", status: errno, stderr: "")
        }
        defer { close(descriptor) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            throw E2EError.processFailed(command: "bind", status: errno, stderr: "")
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func canConnect(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
