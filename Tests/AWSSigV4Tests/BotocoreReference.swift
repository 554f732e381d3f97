import Foundation

/// Runs `botocore_sign.py` with python3: botocore's own signers, the AWS CLI's code path.
enum BotocoreReference {
    struct Result: Decodable {
        let id: Int
        let timestamp: String
        let canonicalRequest: String
        let authorization: String?
        let url: String?

        enum CodingKeys: String, CodingKey {
            case id, timestamp, authorization, url
            case canonicalRequest = "canonical_request"
        }
    }

    enum RunError: Error, CustomStringConvertible {
        case failed(status: Int32, stderr: String)

        var description: String {
            switch self {
            case .failed(let status, let stderr): "botocore_sign.py exited with \(status): \(stderr)"
            }
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("botocore_sign.py")

    /// Whether `python3` runs and can import botocore; prints the skip line when not.
    static let isAvailable: Bool = {
        let available = (try? run(arguments: ["-c", "import botocore"], input: Data()).status) == 0
        if !available {
            print(
                "python3 with botocore not found (pip install botocore); botocore differential test skipped")
        }
        return available
    }()

    /// Signs every case with botocore in one run of the script.
    static func sign(_ cases: [DifferentialCase]) throws -> [Result] {
        let encoder = JSONEncoder()
        let outcome = try run(arguments: [script.path], input: try encoder.encode(cases))
        guard outcome.status == 0 else {
            throw RunError.failed(
                status: outcome.status, stderr: String(decoding: outcome.stderr, as: UTF8.self))
        }
        return try JSONDecoder().decode([Result].self, from: outcome.stdout)
    }

    /// Runs python3 with stdin, stdout and stderr in temporary files, so no pipe can fill up
    /// and block either side.
    private static func run(arguments: [String], input: Data) throws -> (
        status: Int32, stdout: Data, stderr: Data
    ) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sigv4-botocore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in.json")
        let outURL = directory.appendingPathComponent("out.json")
        let errURL = directory.appendingPathComponent("err.txt")
        try input.write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = try FileHandle(forReadingFrom: inURL)
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try Data(contentsOf: outURL), try Data(contentsOf: errURL))
    }
}
