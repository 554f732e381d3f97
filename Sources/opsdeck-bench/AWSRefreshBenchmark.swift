import ArgumentParser
import Foundation

/// `opsdeck-bench aws-refresh`: `opsdeck refresh` against the boto3 script that makes the
/// same calls one after another, both against one seeded moto_server on 127.0.0.1.
struct AWSRefreshBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws-refresh",
        abstract: "Time `opsdeck refresh` against a boto3 script making the same calls, on a seeded moto.",
        discussion: """
            Starts moto_server (signature checking on) on 127.0.0.1, seeds an organization of --accounts \
            accounts (Tests/AWSIntegrationTests/Fixtures/seed_moto.py), counts the calls of each side \
            through fault_proxy.py (they must match), then times each side --runs times straight against \
            moto, alternating. Needs python3 with boto3 and moto[server]. Target: opsdeck at least 8 times \
            faster.
            """)

    @Option(help: "Accounts in the organization, the management account included (at least 13).")
    var accounts = 50

    @Option(name: .customLong("region"), help: "Region read (repeat; default us-east-1 and us-west-2).")
    var regions: [String] = []

    // Named apart from the parent command's --runs and --opsdeck, which would take them.
    @Option(name: .customLong("timed-runs"), help: "Timed runs of each side.")
    var runs = 3

    @Option(
        name: .customLong("opsdeck-binary"),
        help: "The opsdeck executable (default: the one next to this binary; build it with -c release).")
    var opsdeck: String?

    @Option(help: "Tests/AWSIntegrationTests/Fixtures (default: found from this source file's checkout).")
    var fixtures: String?

    // A real AWS call spends 20 to 100 ms on the network and in the service, which moto on
    // loopback does not; this puts a round trip back, the same for both sides.
    @Option(
        name: .customLong("latency-ms"),
        help: "Delay every call of the timed runs by this many ms (through the proxy), as a network would.")
    var latencyMs = 0

    @Option(help: "The Python interpreter with boto3 and moto[server].")
    var python = "python3"

    func validate() throws {
        guard (13...1000).contains(accounts) else { throw ValidationError("--accounts must be 13...1000") }
        guard (1...20).contains(runs) else { throw ValidationError("--timed-runs must be 1...20") }
        guard (0...1000).contains(latencyMs) else { throw ValidationError("--latency-ms must be 0...1000") }
    }

    /// One timed run of one side.
    struct Sample {
        var seconds: Double
        var motoCPUSeconds: Double
    }

    func run() throws {
        let regions = self.regions.isEmpty ? ["us-east-1", "us-west-2"] : self.regions
        let opsdeckPath = try locateOpsdeck()
        let fixtures = try locateFixtures()
        let workspace = try BenchWorkspace.create()
        defer { workspace.remove() }
        let motoPort = try LoopbackPeer.freePort()
        let moto = try LoopbackPeer.start(
            name: "moto_server", python: python,
            arguments: ["\(fixtures)/run_moto.py", "-H", "127.0.0.1", "-p", "\(motoPort)"],
            port: motoPort,
            environment: pythonEnvironment(workspace, ["INITIAL_NO_AUTH_ACTION_COUNT": "0"]),
            logPath: workspace.state + "/moto.log")
        defer { moto.stop() }

        log("seeding \(accounts) accounts into moto on port \(motoPort)")
        let keys = try seed(moto: moto, fixtures: fixtures, workspace: workspace)
        let side = AWSRefreshSides(
            opsdeck: opsdeckPath, python: python, boto3Script: "\(fixtures)/boto3_refresh.py",
            regions: regions,
            workspace: workspace, keys: keys)

        // Counting pass, through the proxy: its log is what reached the wire.
        let proxyPort = try LoopbackPeer.freePort()
        let proxy = try LoopbackPeer.start(
            name: "fault_proxy.py", python: python,
            arguments: ["\(fixtures)/fault_proxy.py", "--upstream", moto.endpoint, "--port", "\(proxyPort)"],
            port: proxyPort, environment: pythonEnvironment(workspace, [:]),
            logPath: workspace.state + "/proxy.log")
        defer { proxy.stop() }
        log("counting the calls of each side through the proxy")
        try side.runOpsdeck(endpoint: proxy.endpoint, label: "count")
        let opsdeckCalls = try Self.proxyCounts(proxy)
        _ = try LoopbackPeer.control("POST", proxy.endpoint + "/_proxy/reset")
        let boto3SelfCount = try side.runBoto3(endpoint: proxy.endpoint)
        let boto3Calls = try Self.proxyCounts(proxy)
        // Timed runs go straight to moto, or through the proxy delaying every call.
        let target: String
        if latencyMs > 0 {
            let rules =
                #"{"rules": [{"id": "latency", "fault": "delay", "delay_ms": \#(latencyMs), "times": 1000000}]}"#
            _ = try LoopbackPeer.control("POST", proxy.endpoint + "/_proxy/rules", body: Data(rules.utf8))
            target = proxy.endpoint
            log("timed runs through the proxy, \(latencyMs) ms added to every call")
        } else {
            proxy.stop()
            target = moto.endpoint
        }

        var opsdeckSamples: [Sample] = []
        var boto3Samples: [Sample] = []
        for index in 1...runs {
            log("run \(index) of \(runs): opsdeck refresh")
            opsdeckSamples.append(
                try measure(moto) { try side.runOpsdeck(endpoint: target, label: "run-\(index)") })
            log("run \(index) of \(runs): boto3")
            boto3Samples.append(try measure(moto) { _ = try side.runBoto3(endpoint: target) })
        }
        let result = AWSRefreshReport(
            machine: .current(), command: CommandLine.arguments.joined(separator: " "), opsdeck: opsdeckPath,
            accounts: accounts, latencyMs: latencyMs,
            regions: regions, opsdeckCalls: opsdeckCalls, boto3Calls: boto3Calls,
            boto3SelfCount: boto3SelfCount,
            opsdeckSamples: opsdeckSamples, boto3: boto3Samples, loadAfter: MachineInfo.loadAverage())
        print(result.render(), terminator: "")
    }

    private func measure(_ moto: LoopbackPeer, _ body: () throws -> Void) throws -> Sample {
        let cpuBefore = moto.cpuSeconds
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Sample(seconds: seconds, motoCPUSeconds: moto.cpuSeconds - cpuBefore)
    }

    /// Seeds moto; returns the admin keys (kept in memory, handed to children by environment).
    private func seed(moto: LoopbackPeer, fixtures: String, workspace: BenchWorkspace) throws -> [String:
        String]
    {
        let output = try AWSRefreshSides.capture(
            python, ["\(fixtures)/seed_moto.py", "--endpoint", moto.endpoint, "--accounts", "\(accounts)"],
            environment: pythonEnvironment(workspace, [:]), stderrPath: workspace.state + "/seed.log")
        struct Manifest: Decodable {
            let accessKeyId: String
            let secretAccessKey: String

            enum CodingKeys: String, CodingKey {
                case accessKeyId = "admin_access_key_id"
                case secretAccessKey = "admin_secret_access_key"
            }
        }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: output) else {
            throw BenchError.setupFailed("seed_moto.py printed no manifest; see its stderr above")
        }
        return [
            "AWS_ACCESS_KEY_ID": manifest.accessKeyId,
            "AWS_SECRET_ACCESS_KEY": manifest.secretAccessKey,
        ]
    }

    /// Calls per "signing-name Action", from the proxy's log.
    private static func proxyCounts(_ proxy: LoopbackPeer) throws -> [String: Int] {
        struct Log: Decodable {
            struct Entry: Decodable {
                let service: String?
                let action: String?
            }
            let requests: [Entry]
        }
        let data = try LoopbackPeer.control("GET", proxy.endpoint + "/_proxy/log")
        let log: Log
        do {
            log = try JSONDecoder().decode(Log.self, from: data)
        } catch {
            throw BenchError.setupFailed("the proxy's log did not decode: \(error)")
        }
        guard log.requests.count < 5000 else {
            throw BenchError.setupFailed("the proxy keeps 5000 requests; count a smaller organization")
        }
        return log.requests.reduce(into: [:]) {
            $0["\($1.service ?? "?") \($1.action ?? "?")", default: 0] += 1
        }
    }

    private func pythonEnvironment(_ workspace: BenchWorkspace, _ extra: [String: String]) -> [String: String]
    {
        var environment = workspace.childEnvironment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? environment["PATH"]
        for name in ["PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV"] {
            if let value = ProcessInfo.processInfo.environment[name] { environment[name] = value }
        }
        return environment.merging(extra) { _, new in new }
    }

    private func locateOpsdeck() throws -> String {
        let path: String
        if let opsdeck {
            path = opsdeck
        } else {
            let selfPath =
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0]
            path = ((selfPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                "opsdeck")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError.opsdeckNotFound(path)
        }
        return path
    }

    private func locateFixtures() throws -> String {
        let path =
            fixtures
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/AWSIntegrationTests/Fixtures").path
        guard FileManager.default.fileExists(atPath: path + "/boto3_refresh.py") else {
            throw BenchError.setupFailed("no boto3_refresh.py in \(path); pass --fixtures")
        }
        return path
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data("[bench] \(line)\n".utf8))
    }
}
