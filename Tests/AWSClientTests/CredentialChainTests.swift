import AWSSigV4
import Foundation
import Testing

@testable import AWSClient

@Suite("Default credential chain: which source wins")
struct CredentialChainTests {
    static let envKeys = [
        "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
    ]

    /// A world with keys for `default` and `prod` in both files, so each test can remove what
    /// it does not want.
    static func world() -> CredentialWorld {
        var world = CredentialWorld()
        world.variables["AWS_EC2_METADATA_DISABLED"] = "true"
        world.credentialsFile = """
            [default]
            aws_access_key_id = AKIACREDSDEFAULT
            aws_secret_access_key = creds-default-secret
            [prod]
            aws_access_key_id = AKIACREDSPROD
            aws_secret_access_key = creds-prod-secret
            """
        world.config = """
            [default]
            region = us-east-1
            [profile prod]
            region = eu-west-1
            [profile staging]
            aws_access_key_id = AKIACONFIGSTAGING
            aws_secret_access_key = config-staging-secret
            aws_session_token = config-staging-token
            """
        return world
    }

    struct PrecedenceCase: Sendable, CustomTestStringConvertible {
        var explicit: String?
        var variables: [String: String]
        var expectedKey: String
        var expectedSource: String
        var testDescription: String {
            "--profile \(explicit ?? "-") \(variables.keys.sorted()) -> \(expectedKey)"
        }
    }

    @Test(arguments: [
        PrecedenceCase(
            explicit: nil, variables: [:], expectedKey: "AKIACREDSDEFAULT",
            expectedSource: "profile default (shared credentials file)"),
        PrecedenceCase(
            explicit: nil, variables: envKeys, expectedKey: "AKIAENV", expectedSource: "environment"),
        // AWS_PROFILE does not switch environment keys off: they still win.
        PrecedenceCase(
            explicit: nil, variables: envKeys.merging(["AWS_PROFILE": "prod"]) { $1 },
            expectedKey: "AKIAENV", expectedSource: "environment"),
        PrecedenceCase(
            explicit: nil, variables: ["AWS_PROFILE": "prod"], expectedKey: "AKIACREDSPROD",
            expectedSource: "profile prod (shared credentials file)"),
        // --profile does.
        PrecedenceCase(
            explicit: "prod", variables: envKeys, expectedKey: "AKIACREDSPROD",
            expectedSource: "profile prod (shared credentials file)"),
        PrecedenceCase(
            explicit: "staging", variables: envKeys.merging(["AWS_PROFILE": "prod"]) { $1 },
            expectedKey: "AKIACONFIGSTAGING", expectedSource: "profile staging (config file)"),
    ])
    func precedence(_ precedence: PrecedenceCase) async throws {
        var world = Self.world()
        world.variables.merge(precedence.variables) { $1 }
        let resolved = try await world.chain(profile: precedence.explicit).credentials()
        #expect(resolved.credentials.accessKeyId == precedence.expectedKey)
        #expect(resolved.source == precedence.expectedSource)
    }

    @Test func environmentSessionTokensAndExpiry() async throws {
        var world = Self.world()
        world.variables.merge(Self.envKeys) { $1 }
        world.variables["AWS_SESSION_TOKEN"] = "session"
        world.variables["AWS_SECURITY_TOKEN"] = "legacy"
        world.variables["AWS_CREDENTIAL_EXPIRATION"] = "2024-05-01T11:00:00Z"
        let resolved = try await world.chain().credentials()
        // botocore reads AWS_SECURITY_TOKEN first.
        #expect(resolved.credentials.sessionToken == "legacy")
        #expect(resolved.expiration == world.clock.now.addingTimeInterval(3_600))
    }

    @Test func halfAnEnvironmentKeyPairIsAnError() async {
        var world = Self.world()
        world.variables["AWS_ACCESS_KEY_ID"] = "AKIAENV"
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error == .partialCredentials(source: "environment", missing: "AWS_SECRET_ACCESS_KEY"))
    }

    @Test func emptyAccessKeyVariableCountsAsUnset() async throws {
        var world = Self.world()
        world.variables["AWS_ACCESS_KEY_ID"] = ""
        let resolved = try await world.chain().credentials()
        #expect(resolved.credentials.accessKeyId == "AKIACREDSDEFAULT")
    }

    @Test func configFileKeysWithSessionToken() async throws {
        let world = Self.world()
        let resolved = try await world.chain(profile: "staging").credentials()
        #expect(resolved.credentials.sessionToken == "config-staging-token")
        #expect(resolved.expiration == nil)
    }

    @Test func sharedCredentialsFileIsReadBeforeConfigFileKeys() async throws {
        var world = Self.world()
        world.config += "\n[profile both]\naws_access_key_id = AKIACONFIGBOTH\naws_secret_access_key = c\n"
        world.credentialsFile += "\n[both]\naws_access_key_id = AKIACREDSBOTH\naws_secret_access_key = k\n"
        let resolved = try await world.chain(profile: "both").credentials()
        #expect(resolved.credentials.accessKeyId == "AKIACREDSBOTH")
    }

    @Test func credentialProcessComesBeforeConfigFileKeysButAfterTheCredentialsFile() async throws {
        var world = Self.world()
        world.config += """

            [profile proc]
            credential_process = get-creds
            aws_access_key_id = AKIACONFIGPROC
            aws_secret_access_key = c
            """
        world.processes.on(
            "get-creds", processOutput(#"{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "p"}"#))
        #expect(try await world.chain(profile: "proc").credentials().credentials.accessKeyId == "AKIAPROC")

        world.credentialsFile += "\n[proc]\naws_access_key_id = AKIACREDSPROC\naws_secret_access_key = k\n"
        #expect(
            try await world.chain(profile: "proc").credentials().credentials.accessKeyId == "AKIACREDSPROC")
    }

    @Test func aMissingSecretInTheCredentialsFileIsAnError() async {
        var world = Self.world()
        world.credentialsFile = "[default]\naws_access_key_id = AKIAHALF\n"
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(
            error
                == .partialCredentials(
                    source: "profile default in /home/u/.aws/credentials", missing: "aws_secret_access_key"))
    }

    @Test func aProfileInNeitherFileIsAnErrorEvenWithEnvironmentKeys() async {
        var world = Self.world()
        world.variables.merge(Self.envKeys) { $1 }
        world.variables["AWS_PROFILE"] = "typo"
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error == .profileNotFound("typo"))
    }

    @Test func nothingAnywhereSaysSo() async {
        var world = CredentialWorld()
        world.variables["AWS_EC2_METADATA_DISABLED"] = "true"
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error == .noCredentials(profile: "default"))
        #expect(error?.description.contains("opsdeck doctor") == true)
    }

    @Test func aConfigSyntaxErrorStopsTheChainWithFileAndLine() async {
        var world = Self.world()
        world.config = "[default]\nregion = us-east-1\njunk\n"
        let error = await credentialError { _ = try await world.chain().credentials() }
        #expect(error?.description.hasPrefix("/home/u/.aws/config:3: ") == true)
    }

    @Test func theChosenSourceIsKeptAcrossCalls() async throws {
        var world = Self.world()
        world.credentialsFile = ""
        world.config = "[default]\ncredential_process = get-creds\n"
        world.processes.on(
            "get-creds", processOutput(#"{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "p"}"#))
        let chain = world.chain()
        _ = try await chain.credentials()
        _ = try await chain.credentials()
        #expect(world.processes.runs == ["get-creds"])
        await chain.reset()
        _ = try await chain.credentials()
        #expect(world.processes.runs.count == 2)
    }

    @Test func staticProviderReturnsWhatItWasGiven() async throws {
        let provider = StaticCredentialProvider(
            AWSCredentials(accessKeyId: "AKIAX", secretAccessKey: "s"), source: "command line")
        let resolved = try await provider.credentials()
        #expect(resolved.credentials.accessKeyId == "AKIAX")
        #expect(resolved.source == "command line")
        #expect(resolved.expiration == nil)
    }
}
