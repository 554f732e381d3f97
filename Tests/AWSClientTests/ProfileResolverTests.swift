import Foundation
import Testing

@testable import AWSClient

@Suite("Profile selection and shared config loading")
struct ProfileResolverTests {
    struct SelectionCase: Sendable, CustomTestStringConvertible {
        var explicit: String?
        var variables: [String: String]
        var expected: ProfileSelection
        var testDescription: String {
            "\(explicit ?? "-") \(variables.sorted { $0.key < $1.key }) -> \(expected)"
        }
    }

    @Test(arguments: [
        SelectionCase(explicit: nil, variables: [:], expected: .init(name: "default", origin: .fallback)),
        SelectionCase(
            explicit: "cli", variables: ["AWS_PROFILE": "env", "AWS_DEFAULT_PROFILE": "old"],
            expected: .init(name: "cli", origin: .explicit)),
        SelectionCase(
            explicit: nil, variables: ["AWS_PROFILE": "env"],
            expected: .init(name: "env", origin: .environment(variable: "AWS_PROFILE"))),
        // botocore lists AWS_DEFAULT_PROFILE first.
        SelectionCase(
            explicit: nil, variables: ["AWS_PROFILE": "env", "AWS_DEFAULT_PROFILE": "old"],
            expected: .init(name: "old", origin: .environment(variable: "AWS_DEFAULT_PROFILE"))),
        // An empty --profile is no --profile.
        SelectionCase(
            explicit: "", variables: ["AWS_PROFILE": "env"],
            expected: .init(name: "env", origin: .environment(variable: "AWS_PROFILE"))),
        // A set but empty variable still wins (and names no profile that can exist).
        SelectionCase(
            explicit: nil, variables: ["AWS_DEFAULT_PROFILE": "", "AWS_PROFILE": "env"],
            expected: .init(name: "", origin: .environment(variable: "AWS_DEFAULT_PROFILE"))),
    ])
    func selectsTheProfileLikeTheCLI(_ selectionCase: SelectionCase) {
        let selection = ProfileResolver.select(
            explicit: selectionCase.explicit, variables: selectionCase.variables)
        #expect(selection == selectionCase.expected)
        #expect(selection.isExplicit == (selectionCase.expected.origin == .explicit))
    }

    @Test func filePathsComeFromVariablesWithExpansion() {
        var world = CredentialWorld()
        #expect(ProfileResolver(environment: world.environment).configFilePath == "/home/u/.aws/config")
        #expect(
            ProfileResolver(environment: world.environment).credentialsFilePath == "/home/u/.aws/credentials")
        world.variables["AWS_CONFIG_FILE"] = "~/work/aws.cfg"
        world.variables["AWS_SHARED_CREDENTIALS_FILE"] = "${XDG}/creds-$TEAM.ini"
        world.variables["XDG"] = "/srv"
        world.variables["TEAM"] = "ops"
        let resolver = ProfileResolver(environment: world.environment)
        #expect(resolver.configFilePath == "/home/u/work/aws.cfg")
        #expect(resolver.credentialsFilePath == "/srv/creds-ops.ini")
    }

    @Test func unknownVariablesAndOtherUsersStayAsWritten() {
        var world = CredentialWorld()
        world.variables["AWS_CONFIG_FILE"] = "~bob/$NOPE/${ALSO_NOPE}/c"
        #expect(ProfileResolver(environment: world.environment).configFilePath == "~bob/$NOPE/${ALSO_NOPE}/c")
    }

    @Test func credentialsFileValuesOverrideConfigValuesKeyByKey() throws {
        var world = CredentialWorld()
        world.config = """
            [profile prod]
            region = eu-west-1
            aws_access_key_id = AKIACONFIG
            output = json
            """
        world.credentialsFile = """
            [prod]
            aws_access_key_id = AKIACREDS
            aws_secret_access_key = s
            [only-creds]
            aws_access_key_id = AKIAONLY
            """
        let config = try ProfileResolver(environment: world.environment).loadSharedConfig()
        let prod = try #require(config.profiles["prod"])
        #expect(prod.accessKeyId == "AKIACREDS")
        #expect(prod.region == "eu-west-1")
        #expect(prod["output"] == "json")
        #expect(config.configProfiles["prod"]?.accessKeyId == "AKIACONFIG")
        #expect(config.profiles["only-creds"]?.accessKeyId == "AKIAONLY")
    }

    @Test func missingFilesAreEmptyAndDefaultAlwaysExists() throws {
        let world = CredentialWorld()
        let resolver = ProfileResolver(environment: world.environment)
        let config = try resolver.loadSharedConfig()
        #expect(config.configFile == nil && config.credentialsFile == nil)
        #expect(try resolver.profile(.init(name: "default", origin: .fallback), in: config).values.isEmpty)
        #expect(throws: CredentialError.profileNotFound("ghost")) {
            try resolver.profile(.init(name: "ghost", origin: .explicit), in: config)
        }
        // Asking for default by name requires it to exist, as in the CLI.
        #expect(throws: CredentialError.profileNotFound("default")) {
            try resolver.profile(
                .init(name: "default", origin: .environment(variable: "AWS_PROFILE")), in: config)
        }
    }

    @Test func parseErrorsCarryTheFileAndLine() {
        var world = CredentialWorld()
        world.credentialsFile = "[a]\nx = 1\n[a]\n"
        #expect(
            throws: CredentialError.configFile(
                AWSConfigFileError(path: "/home/u/.aws/credentials", line: 3, problem: .duplicateSection("a"))
            )
        ) {
            try ProfileResolver(environment: world.environment).loadSharedConfig()
        }
    }

    @Test func typedAccessorsReadProfileKeys() throws {
        let text = """
            [profile r]
            role_arn = arn:aws:iam::111111111111:role/Ops
            source_profile = base
            duration_seconds = 900
            external_id = ext
            mfa_serial = arn:aws:iam::222222222222:mfa/me
            role_session_name = me
            [profile bad]
            duration_seconds = 15m
            """
        let config = AWSSharedConfig(
            configFile: try AWSConfigFile.parse(text, path: "/c"), credentialsFile: nil)
        let role = try #require(config.profiles["r"])
        #expect(role.roleArn == "arn:aws:iam::111111111111:role/Ops")
        #expect(role.sourceProfile == "base")
        #expect(role.durationSeconds == 900)
        #expect(role.externalId == "ext")
        #expect(role.mfaSerial == "arn:aws:iam::222222222222:mfa/me")
        #expect(role.roleSessionName == "me")
        #expect(role.assumesRole)
        #expect(!role.hasStaticKeys)
        #expect(config.profiles["bad"]?.durationSeconds == nil)
    }

    @Test func configuredEndpointPrecedence() throws {
        let text = """
            [profile p]
            endpoint_url = http://profile
            services = local
            [services local]
            sso =
              endpoint_url = http://services-sso
            """
        let config = AWSSharedConfig(
            configFile: try AWSConfigFile.parse(text, path: "/c"), credentialsFile: nil)
        let profile = config.profiles["p"]
        func url(_ service: String, _ variables: [String: String]) throws -> String? {
            try ConfiguredEndpoint.url(
                serviceKey: service, profile: profile, config: config, variables: variables)
        }
        #expect(
            try url("sso", ["AWS_ENDPOINT_URL_SSO": "http://env-sso", "AWS_ENDPOINT_URL": "http://env"])
                == "http://env-sso")
        #expect(try url("sso", ["AWS_ENDPOINT_URL": "http://env"]) == "http://env")
        #expect(try url("sso", [:]) == "http://services-sso")
        #expect(try url("sts", [:]) == "http://profile")
        #expect(
            try url("sso", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "x"]) == nil)
    }
}
