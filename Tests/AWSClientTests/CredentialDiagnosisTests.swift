import Foundation
import Testing

@testable import AWSClient

@Suite("Credential diagnosis for opsdeck doctor")
struct CredentialDiagnosisTests {
    static let secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY-SECRET"
    static let token = "FwoGZXIvYXdzEJr-SESSION-TOKEN"

    @Test func listsEverySourceInOrderAndStopsAtTheOneUsed() async {
        var world = CredentialWorld()
        world.variables["AWS_PROFILE"] = "prod"
        world.config = "[profile prod]\nregion = eu-west-1\n"
        world.credentialsFile = """
            [prod]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = \(Self.secret)
            aws_session_token = \(Self.token)
            """
        let diagnosis = await world.chain().diagnose()
        #expect(
            diagnosis.profile == ProfileSelection(name: "prod", origin: .environment(variable: "AWS_PROFILE"))
        )
        #expect(
            diagnosis.steps == [
                .init(source: "environment", outcome: .skipped("AWS_ACCESS_KEY_ID not set")),
                .init(source: "assume role", outcome: .skipped("profile prod has no role_arn")),
                .init(
                    source: "web identity",
                    outcome: .skipped(
                        "AWS_WEB_IDENTITY_TOKEN_FILE not set and profile prod has no web_identity_token_file")
                ),
                .init(
                    source: "SSO", outcome: .skipped("profile prod has no sso_account_id or sso_role_name")),
                .init(
                    source: "shared credentials file",
                    outcome: .used(
                        label: "profile prod (shared credentials file)", accessKeyIdSuffix: "…MPLE",
                        expiration: nil)),
                .init(source: "credential_process", outcome: .notReached),
                .init(source: "config file", outcome: .notReached),
                .init(source: "container", outcome: .notReached),
                .init(source: "instance metadata", outcome: .notReached),
            ])
        #expect(world.transport.requests.isEmpty)
        let text = diagnosis.renderText(now: world.clock.now)
        #expect(text.contains("profile: prod (from AWS_PROFILE)"))
        #expect(text.contains("5. shared credentials file"))
        #expect(text.contains("used: profile prod (shared credentials file), key …MPLE"))
        #expect(text.hasSuffix("credentials: profile prod (shared credentials file)"))
        for hidden in [Self.secret, Self.token, "AKIAIOSFODNN7"] {
            #expect(!text.contains(hidden))
            #expect(!String(describing: diagnosis).contains(hidden))
            var dumped = ""
            dump(diagnosis, to: &dumped)
            #expect(!dumped.contains(hidden))
        }
    }

    @Test func explainsSkippedSourcesForAnExplicitProfile() async {
        var world = CredentialWorld()
        world.variables["AWS_ACCESS_KEY_ID"] = "AKIAENV"
        world.variables["AWS_SECRET_ACCESS_KEY"] = Self.secret
        world.variables["AWS_EC2_METADATA_DISABLED"] = "true"
        world.config = "[profile prod]\nregion = eu-west-1\n"
        let diagnosis = await world.chain(profile: "prod").diagnose()
        #expect(diagnosis.steps.first?.outcome == .skipped("ignored because --profile prod was given"))
        #expect(diagnosis.steps[4].outcome == .skipped("no file at /home/u/.aws/credentials"))
        #expect(
            diagnosis.steps[6].outcome
                == .skipped("profile prod in /home/u/.aws/config has no aws_access_key_id"))
        #expect(diagnosis.steps.last?.outcome == .skipped("AWS_EC2_METADATA_DISABLED is true"))
        #expect(!diagnosis.hasCredentials)
        let text = diagnosis.renderText(now: world.clock.now)
        #expect(text.contains("credentials: none found"))
        #expect(!text.contains(Self.secret))
    }

    @Test func anExpiredSSOTokenFailsTheChainWithTheLoginCommand() async {
        var world = CredentialWorld()
        world.config = CredentialSSOTests.sessionConfig
        world.files[CredentialSSOTests.sessionCacheFile] = CredentialSSOTests.token(
            expiresAt: "2024-05-01T08:30:00Z")
        let diagnosis = await world.chain(profile: "dev").diagnose()
        #expect(
            diagnosis.steps[3]
                == .init(
                    source: "SSO",
                    outcome: .failed(
                        "SSO token expired at 2024-05-01T08:30:00Z: run `aws sso login --profile dev`")))
        #expect(diagnosis.steps[4...].allSatisfy { $0.outcome == .notReached })
        let text = diagnosis.renderText(now: world.clock.now)
        #expect(
            text.contains(
                "failed: SSO token expired at 2024-05-01T08:30:00Z: run `aws sso login --profile dev`"))
        #expect(text.contains("the chain stops at the first source that fails"))
        #expect(!text.contains("bearer-abc"))
    }

    @Test func temporaryCredentialsShowTheirExpiry() async {
        var world = CredentialWorld()
        world.config = "[default]\ncredential_process = creds\n"
        world.processes.on(
            "creds",
            processOutput(
                #"{"Version":1,"AccessKeyId":"ASIAXYZW1234","SecretAccessKey":"\#(Self.secret)","#
                    + #""SessionToken":"\#(Self.token)","Expiration":"2024-05-01T10:55:00Z"}"#))
        let diagnosis = await world.chain().diagnose()
        #expect(
            diagnosis.usedStep?.outcome
                == .used(
                    label: "profile default (credential_process)", accessKeyIdSuffix: "…1234",
                    expiration: world.clock.now.addingTimeInterval(55 * 60)))
        let text = diagnosis.renderText(now: world.clock.now)
        #expect(text.contains("key …1234, expires 2024-05-01T10:55:00Z (in 55 min)"))
        #expect(!text.contains(Self.secret) && !text.contains(Self.token))
    }

    @Test func aFailingProcessShowsItsStandardErrorOnly() async {
        var world = CredentialWorld()
        world.config = "[default]\ncredential_process = creds\n"
        world.processes.on(
            "creds",
            processOutput(#"{"SecretAccessKey":"\#(Self.secret)"}"#, status: 1, stderr: "vault sealed"))
        let text = await world.chain().diagnose().renderText(now: world.clock.now)
        #expect(
            text.contains("failed: credential_process of profile default exited with status 1: vault sealed"))
        #expect(!text.contains(Self.secret))
    }

    @Test func aBrokenConfigFileIsTheOnlyProblemShown() async {
        var world = CredentialWorld()
        world.config = "region = us-east-1\n"
        let diagnosis = await world.chain().diagnose()
        #expect(diagnosis.steps.isEmpty)
        let text = diagnosis.renderText(now: world.clock.now)
        #expect(
            text == """
                profile: default
                problem: /home/u/.aws/config:1: a setting before any [section] header; \
                start the file with [default] or [profile NAME]
                """)
    }
}
