import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckTestSupport
import Testing

/// `opsdeck doctor` and the cost gate of `opsdeck refresh`, run as a user runs them: the built
/// binary against the seeded moto (signature checking on).
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct DoctorCommandLineTests {
    static let binary = SyncCommandLineTests.binary

    func run(_ arguments: [String], environment: [String: String], in scratch: ScratchDirectory) async throws
        -> (exit: ChildProcess.Exit, out: String, err: String)
    {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary),
            "\(Self.binary) is missing: run `swift build` first")
        let child = try ChildProcess.spawn(
            Self.binary, arguments, environment: environment, outputDirectory: scratch.url)
        let exit = try await child.wait(timeout: .seconds(120))
        return (exit, child.standardOutput, child.standardError)
    }

    /// No instance metadata (a test must not wait on 169.254.169.254), no real AWS files.
    func baseEnvironment(_ scratch: ScratchDirectory) -> [String: String] {
        [
            "HOME": scratch.url.path, "XDG_STATE_HOME": scratch.url.path + "/state",
            "XDG_CACHE_HOME": scratch.url.path + "/cache", "XDG_CONFIG_HOME": scratch.url.path + "/config",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "us-east-1",
        ]
    }

    @Test func withoutCredentialsDoctorSaysWhyEachSourceFailedAndExitsOne() async throws {
        let scratch = try ScratchDirectory(prefix: "opsdeck-doctor-none")
        defer { scratch.remove() }
        let result = try await run(["doctor"], environment: baseEnvironment(scratch), in: scratch)
        #expect(result.exit.code == 1, "\(result.out)\(result.err)")
        #expect(result.out.contains("environment"))
        #expect(result.out.contains("skipped: AWS_ACCESS_KEY_ID not set"))
        #expect(result.out.contains("credentials: none found"))
        #expect(result.out.contains("not checked: no credentials"))
        #expect(result.out.contains("not created yet"))
        // Doctor only looks: it does not create the cache.
        #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/cache/opsdeck/cache.sqlite"))
    }

    /// Writes `~/.aws/config` and `~/.aws/credentials` with the admin's keys under `[base]`.
    func writeAWSFiles(config: String, in scratch: ScratchDirectory) throws {
        let credentials = try SharedSeededOrganization.current.organization.manifest.adminCredentials
        let aws = scratch.url.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        try config.write(to: aws.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try """
        [base]
        aws_access_key_id = \(credentials.accessKeyId)
        aws_secret_access_key = \(credentials.secretAccessKey)
        """.write(to: aws.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
    }

    /// The profile's endpoint settings reach the clients: its `[services NAME]` section, or
    /// its own `endpoint_url`.
    @Test(arguments: ["services", "endpoint_url"])
    func aProfilesEndpointSettingsReachTheClientsAndTheIdentityIsShown(setting: String) async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let scratch = try ScratchDirectory(prefix: "opsdeck-doctor-profile")
        defer { scratch.remove() }
        let moto = seeded.moto.endpoint.absoluteString
        let endpoint =
            setting == "services"
            ? "services = local\n\n[services local]\nsts =\n  endpoint_url = \(moto)\n"
            : "endpoint_url = \(moto)\n"
        try writeAWSFiles(config: "[profile base]\nregion = us-east-1\n" + endpoint, in: scratch)

        let result = try await run(
            ["doctor", "--profile", "base"], environment: baseEnvironment(scratch), in: scratch)
        #expect(result.exit.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("profile: base"))
        #expect(result.out.contains("shared credentials file  used"), "\(result.out)")
        #expect(result.out.contains("sts endpoint: \(moto)"), "\(result.out)")
        #expect(result.out.contains("account: \(manifest.organization.managementAccountId)"), "\(result.out)")
        let secret = manifest.adminCredentials.secretAccessKey
        #expect(!result.out.contains(secret))
        #expect(!result.err.contains(secret))
    }

    /// A role with `mfa_serial` takes the code from `--mfa-code` (moto accepts any code).
    @Test func anMFARoleTakesTheCodeFromTheCommandLine() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let member = try #require(manifest.accounts.first { !$0.management })
        let scratch = try ScratchDirectory(prefix: "opsdeck-doctor-mfa")
        defer { scratch.remove() }
        try writeAWSFiles(
            config: """
                [profile base]
                region = us-east-1

                [profile reader]
                role_arn = arn:aws:iam::\(member.id):role/OpsDeckReadOnly
                source_profile = base
                mfa_serial = arn:aws:iam::\(manifest.organization.managementAccountId):mfa/alice
                region = us-east-1
                """, in: scratch)
        let result = try await run(
            [
                "doctor", "--profile", "reader", "--mfa-code", "493817", "--endpoint-url",
                seeded.moto.endpoint.absoluteString,
            ],
            environment: baseEnvironment(scratch), in: scratch)
        #expect(result.exit.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("assume role"), "\(result.out)")
        #expect(result.out.contains("account: \(member.id)"), "\(result.out)")
        #expect(!result.out.contains("493817"))
    }

    @Test func keysAWSRefusesFailTheIdentityCheckWithoutShowingTheSecret() async throws {
        let seeded = try SharedSeededOrganization.current
        let scratch = try ScratchDirectory(prefix: "opsdeck-doctor-bad")
        defer { scratch.remove() }
        var env = baseEnvironment(scratch)
        env["AWS_ACCESS_KEY_ID"] = seeded.organization.manifest.adminCredentials.accessKeyId
        let wrongSecret = "not-the-secret-9876543210"
        env["AWS_SECRET_ACCESS_KEY"] = wrongSecret
        let result = try await run(
            ["doctor", "--endpoint-url", seeded.moto.endpoint.absoluteString], environment: env, in: scratch)
        #expect(result.exit.code == 1, "\(result.out)")
        #expect(result.out.contains("environment"))
        #expect(result.out.contains("GetCallerIdentity failed in us-east-1"), "\(result.out)")
        #expect(!result.out.contains(wrongSecret))
        #expect(!result.err.contains(wrongSecret))
    }

    /// Cost Explorer is pointed at a closed port: this test must not take the seeded Cost
    /// Explorer answers other tests expect, and a failed attempt counts like a good one.
    @Test func refreshServesCostFromTheCacheUntilItIsDueUnlessForced() async throws {
        let seeded = try SharedSeededOrganization.current
        let credentials = seeded.organization.manifest.adminCredentials
        let scratch = try ScratchDirectory(prefix: "opsdeck-cost-gate")
        defer { scratch.remove() }
        var env = baseEnvironment(scratch)
        env["AWS_ACCESS_KEY_ID"] = credentials.accessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey
        env["AWS_ENDPOINT_URL"] = seeded.moto.endpoint.absoluteString
        env["AWS_ENDPOINT_URL_COST_EXPLORER"] = "http://127.0.0.1:9"
        let cache = scratch.url.path + "/cost.sqlite"

        func costAttempt() throws -> Date? {
            let (database, _) = try CacheDatabase.open(at: cache)
            return try database.snapshot(now: Date()).statuses.filter { $0.source == .cost }
                .compactMap(\.lastAttemptAt).max()
        }

        let first = try await run(
            ["refresh", "--cache", cache, "--only", "organizations,cost"], environment: env, in: scratch)
        #expect(first.err.contains("cost"), "\(first.err)")
        let attempted = try #require(try costAttempt(), "\(first.err)")

        let second = try await run(
            ["refresh", "--cache", cache, "--only", "cost"], environment: env, in: scratch)
        #expect(second.exit.code == 0, "\(second.err)")
        #expect(second.err.contains("cost served from the cache"), "\(second.err)")
        #expect(second.err.contains("next due"), "\(second.err)")
        #expect(second.err.contains("--force"), "\(second.err)")
        #expect(try costAttempt() == attempted)

        let forced = try await run(
            ["refresh", "--cache", cache, "--only", "cost", "--force"], environment: env, in: scratch)
        #expect(!forced.err.contains("served from the cache"), "\(forced.err)")
        let again = try #require(try costAttempt())
        #expect(again > attempted)
    }
}
