import Foundation
import Testing

@testable import AWSClient

@Suite("credential_process")
struct CredentialProcessTests {
    static let secret = "process-secret-DO-NOT-SHOW"

    static func world() -> CredentialWorld {
        var world = CredentialWorld()
        world.variables["AWS_EC2_METADATA_DISABLED"] = "true"
        world.config = "[profile tool]\ncredential_process = /opt/bin/creds --account 1 \"two words\"\n"
        return world
    }

    static let command = "/opt/bin/creds --account 1 \"two words\""

    @Test func readsVersionOneOutputWithExpiry() async throws {
        let world = Self.world()
        world.processes.on(
            Self.command,
            processOutput(
                """
                {"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "\(Self.secret)",
                 "SessionToken": "tok", "Expiration": "2024-05-01T12:30:00+02:00"}
                """))
        let resolved = try await world.chain(profile: "tool").credentials()
        #expect(resolved.credentials.accessKeyId == "ASIAPROC")
        #expect(resolved.credentials.secretAccessKey == Self.secret)
        #expect(resolved.credentials.sessionToken == "tok")
        #expect(resolved.expiration == world.clock.now.addingTimeInterval(30 * 60))
        #expect(resolved.source == "profile tool (credential_process)")
        // The command line goes to the shell as written.
        #expect(world.processes.runs == [Self.command])
    }

    @Test func failureShowsStandardErrorButNeverStandardOutput() async {
        let world = Self.world()
        world.processes.on(
            Self.command,
            processOutput(
                #"{"SecretAccessKey": "\#(Self.secret)"}"#, status: 2,
                stderr: "token expired, run sso login\n"))
        let error = await credentialError { _ = try await world.chain(profile: "tool").credentials() }
        #expect(
            error == .processFailed(profile: "tool", status: 2, standardError: "token expired, run sso login")
        )
        #expect(error?.description.contains("token expired, run sso login") == true)
        #expect(error?.description.contains(Self.secret) == false)
    }

    @Test(arguments: [
        ("not json at all \(secret)", "standard output is not a JSON object"),
        (#"["list"]"#, "standard output is not a JSON object"),
        (#"{"AccessKeyId": "A", "SecretAccessKey": "S"}"#, "no Version key; expected \"Version\": 1"),
        (#"{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}"#, "only \"Version\": 1 is supported"),
        (
            #"{"Version": "1", "AccessKeyId": "A", "SecretAccessKey": "S"}"#,
            "only \"Version\": 1 is supported"
        ),
        (#"{"Version": 1, "SecretAccessKey": "S"}"#, "AccessKeyId is missing"),
        (#"{"Version": 1, "AccessKeyId": "A"}"#, "SecretAccessKey is missing"),
        (
            #"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "soon"}"#,
            "Expiration soon is not an ISO 8601 timestamp"
        ),
    ])
    func rejectsOutputThatIsNotVersionOneCredentials(_ output: String, _ problem: String) async {
        let world = Self.world()
        world.processes.on(Self.command, processOutput(output))
        let error = await credentialError { _ = try await world.chain(profile: "tool").credentials() }
        #expect(error == .processOutputInvalid(profile: "tool", problem: problem))
        #expect(error?.description.contains(Self.secret) == false)
    }

    @Test func runsAgainOnlyWhenTheCredentialsNearExpiry() async throws {
        let world = Self.world()
        world.processes.on(
            Self.command,
            processOutput(
                #"{"Version":1,"AccessKeyId":"ASIA1","SecretAccessKey":"s","#
                    + #""Expiration":"2024-05-01T11:00:00Z"}"#
            ),
            processOutput(
                #"{"Version":1,"AccessKeyId":"ASIA2","SecretAccessKey":"s","#
                    + #""Expiration":"2024-05-01T12:00:00Z"}"#
            ))
        let chain = world.chain(profile: "tool")
        #expect(try await chain.credentials().credentials.accessKeyId == "ASIA1")
        world.clock.advance(by: 50 * 60)
        #expect(try await chain.credentials().credentials.accessKeyId == "ASIA1")
        world.clock.advance(by: 6 * 60)
        #expect(try await chain.credentials().credentials.accessKeyId == "ASIA2")
        #expect(world.processes.runs.count == 2)
    }

    @Test func withoutExpiryTheyAreNeverFetchedAgain() async throws {
        let world = Self.world()
        world.processes.on(
            Self.command, processOutput(#"{"Version":1,"AccessKeyId":"AKIA1","SecretAccessKey":"s"}"#))
        let chain = world.chain(profile: "tool")
        _ = try await chain.credentials()
        world.clock.advance(by: 86_400 * 30)
        _ = try await chain.credentials()
        #expect(world.processes.runs.count == 1)
    }

    @Test func theRealRunnerUsesTheShellAndKeepsTheStreamsApart() async throws {
        let output = try await CredentialEnvironment.runShellCommand(
            "printf '%s' \"$((6 * 7))\"; printf 'oops' >&2; exit 3")
        #expect(output.status == 3)
        #expect(String(decoding: output.standardOutput, as: UTF8.self) == "42")
        #expect(String(decoding: output.standardError, as: UTF8.self) == "oops")
    }

    @Test func theRealRunnerClosesStandardInput() async throws {
        let output = try await CredentialEnvironment.runShellCommand("cat; echo done")
        #expect(String(decoding: output.standardOutput, as: UTF8.self) == "done\n")
    }

    @Test(arguments: [
        ("2024-05-01T10:00:00Z", 1_714_557_600.0),
        ("2024-05-01T10:00:00.250Z", 1_714_557_600.25),
        ("2024-05-01T12:00:00+02:00", 1_714_557_600.0),
        ("2024-05-01T05:30:00-0430", 1_714_557_600.0),
        ("2024-05-01T10:00:00UTC", 1_714_557_600.0),
        ("2024-05-01T10:00:00", 1_714_557_600.0),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func timestamps(_ text: String, _ seconds: Double) {
        #expect(CredentialTimestamp.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: ["", "soon", "2024-13-01T00:00:00Z", "2024-05-01", "2024-05-01T10:00:00Zjunk"])
    func notTimestamps(_ text: String) {
        #expect(CredentialTimestamp.parse(text) == nil)
    }

    @Test func formatsTimestampsInUTC() {
        #expect(
            CredentialTimestamp.format(Date(timeIntervalSince1970: 1_714_557_600.9)) == "2024-05-01T10:00:00Z"
        )
        #expect(CredentialTimestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(
            CredentialTimestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }
}
