import Foundation
import OpsDeckTestSupport
import Testing

/// `opsdeck refresh` and `opsdeck export` as a script runs them: the built binary against
/// the seeded moto (signature checking on), its exported rows compared with the seed.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct SyncCommandLineTests {
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/opsdeck").path

    func run(_ arguments: [String], environment: [String: String], in scratch: ScratchDirectory) async throws
        -> (exit: ChildProcess.Exit, out: String, err: String)
    {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary),
            "\(Self.binary) is missing: run `swift build` first")
        let child = try ChildProcess.spawn(
            Self.binary, arguments, environment: environment, outputDirectory: scratch.url)
        let exit = try await child.wait(timeout: .seconds(180))
        return (exit, child.standardOutput, child.standardError)
    }

    func environment(_ scratch: ScratchDirectory, key: String, secret: String) -> [String: String] {
        [
            "HOME": scratch.url.path, "XDG_STATE_HOME": scratch.url.path + "/state",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret, "AWS_REGION": "us-east-1",
        ]
    }

    @Test func refreshThenExportGivesTheSeededAccounts() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let scratch = try ScratchDirectory(prefix: "opsdeck-refresh")
        defer { scratch.remove() }
        let credentials = manifest.adminCredentials
        let env = environment(scratch, key: credentials.accessKeyId, secret: credentials.secretAccessKey)
        let cache = scratch.url.path + "/cache.sqlite"

        let refresh = try await run(
            [
                "refresh", "--endpoint-url", seeded.moto.endpoint.absoluteString, "--cache", cache,
                "--only", "organizations,roles,alarms",
            ],
            environment: env, in: scratch)
        #expect(refresh.exit.code == 0 && !refresh.exit.signaled, "\(refresh.err)")
        #expect(refresh.err.contains("refreshed"))

        let export = try await run(
            ["export", "accounts", "--cache", cache, "--format", "json"], environment: env, in: scratch)
        #expect(export.exit.code == 0, "\(export.err)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [[String: Any]])
        let exported = Dictionary(
            uniqueKeysWithValues: rows.compactMap { row -> (String, String)? in
                guard let id = row["account"] as? String, let name = row["name"] as? String else {
                    return nil
                }
                return (id, name)
            })
        #expect(exported.count == manifest.accounts.count)
        for account in manifest.accounts {
            let name = try #require(
                exported[account.id], "account \(account.id) (\(account.name)) not exported")
            #expect(
                name.hasPrefix(account.name),
                "account \(account.id): exported \(name), seeded \(account.name)")
        }
    }

    @Test func aWrongSecretFailsAtOnceWithAClearMessage() async throws {
        let seeded = try SharedSeededOrganization.current
        let scratch = try ScratchDirectory(prefix: "opsdeck-refresh-bad")
        defer { scratch.remove() }
        let key = seeded.organization.manifest.adminCredentials.accessKeyId
        let wrongSecret = "not-the-secret-0123456789"
        let result = try await run(
            [
                "refresh", "--endpoint-url", seeded.moto.endpoint.absoluteString, "--cache",
                scratch.url.path + "/cache.sqlite",
            ],
            environment: environment(scratch, key: key, secret: wrongSecret), in: scratch)
        #expect(result.exit.code == 1, "\(result.err)")
        #expect(result.err.contains("Nothing else was refreshed"), "\(result.err)")
        #expect(!result.err.contains(wrongSecret))
    }
}
