import Foundation

/// The two sides of the AWS refresh benchmark as child processes: the opsdeck executable's
/// `refresh` and the boto3 script, each given the management keys by environment only.
struct AWSRefreshSides {
    var opsdeck: String
    var python: String
    var boto3Script: String
    var regions: [String]
    var workspace: BenchWorkspace
    /// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of the seeded admin.
    var keys: [String: String]

    /// One `opsdeck refresh` of every source into a fresh cache file.
    /// - Throws: `BenchError.childFailed` with the end of its stderr when it exits non-zero.
    func runOpsdeck(endpoint: String, label: String) throws {
        let cache = workspace.cache + "/aws-refresh-\(label).sqlite"
        try? FileManager.default.removeItem(atPath: cache)
        var arguments = ["refresh", "--endpoint-url", endpoint, "--cache", cache]
        for region in regions { arguments += ["--region", region] }
        var environment = workspace.childEnvironment.merging(keys) { _, new in new }
        environment["AWS_REGION"] = "us-east-1"
        _ = try Self.capture(
            opsdeck, arguments, environment: environment,
            stderrPath: workspace.state + "/refresh-\(label).log",
            direct: true)
    }

    /// One run of the boto3 script; returns the calls it counted itself.
    func runBoto3(endpoint: String) throws -> Int {
        var arguments = [boto3Script, "--endpoint", endpoint]
        for region in regions { arguments += ["--region", region] }
        var environment = workspace.childEnvironment.merging(keys) { _, new in new }
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? environment["PATH"]
        let output = try Self.capture(
            python, arguments, environment: environment, stderrPath: workspace.state + "/boto3.log")
        struct Answer: Decodable { let calls: Int }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: output) else {
            throw BenchError.childFailed("boto3_refresh.py printed no result")
        }
        return answer.calls
    }

    /// Runs a program to its end and returns its stdout.
    /// - Parameter direct: run `executable` itself rather than through `/usr/bin/env`.
    /// - Throws: `BenchError.childFailed` when it exits non-zero.
    static func capture(
        _ executable: String, _ arguments: [String], environment: [String: String], stderrPath: String,
        direct: Bool = false
    ) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: direct ? executable : "/usr/bin/env")
        process.arguments = direct ? arguments : [executable] + arguments
        process.environment = environment
        let output = Pipe()
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: stderrPath) ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw BenchError.childFailed("cannot start \(executable): \(error.localizedDescription)")
        }
        // Read before waiting: a manifest is larger than a pipe's buffer.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
            throw BenchError.childFailed(
                "\((executable as NSString).lastPathComponent) \(arguments.first ?? "") exited with "
                    + "\(process.terminationStatus): \(errors.suffix(800))")
        }
        return data
    }
}
