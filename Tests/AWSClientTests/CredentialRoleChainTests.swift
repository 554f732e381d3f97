import Foundation
import Synchronization
import Testing

@testable import AWSClient

@Suite("Role profiles: source_profile chains, credential_source, MFA, web identity")
struct CredentialRoleChainTests {
    static func world(_ config: String) -> CredentialWorld {
        var world = CredentialWorld()
        world.variables["AWS_EC2_METADATA_DISABLED"] = "true"
        world.credentialsFile = """
            [base]
            aws_access_key_id = AKIABASE
            aws_secret_access_key = base-secret
            """
        world.config = config
        return world
    }

    @Test func assumesTheRoleWithTheSourceProfilesKeysAndSettings() async throws {
        let world = Self.world(
            """
            [profile prod]
            role_arn = arn:aws:iam::111111111111:role/Ops
            source_profile = base
            external_id = ext-1
            role_session_name = alice
            duration_seconds = 900
            """)
        let resolved = try await world.chain(profile: "prod").credentials()
        #expect(resolved.credentials.accessKeyId == "ASIAROLE1")
        #expect(resolved.source == "profile prod (role_arn via source_profile base)")
        #expect(resolved.expiration == world.clock.now.addingTimeInterval(3_600))
        #expect(
            world.assumer.calls == [
                .init(
                    kind: "AssumeRole", roleArn: "arn:aws:iam::111111111111:role/Ops", sessionName: "alice",
                    durationSeconds: 900, externalId: "ext-1", signedWith: "AKIABASE")
            ])
    }

    @Test func generatesASessionNameFromTheClock() async throws {
        let world = Self.world("[profile prod]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n")
        _ = try await world.chain(profile: "prod").credentials()
        #expect(world.assumer.calls.first?.sessionName == "opsdeck-session-1714557600")
    }

    @Test func followsNestedSourceProfilesInnermostFirst() async throws {
        let world = Self.world(
            """
            [profile top]
            role_arn = arn:aws:iam::1:role/Top
            source_profile = middle
            [profile middle]
            role_arn = arn:aws:iam::2:role/Middle
            source_profile = base
            """)
        let resolved = try await world.chain(profile: "top").credentials()
        #expect(
            world.assumer.calls.map(\.roleArn) == ["arn:aws:iam::2:role/Middle", "arn:aws:iam::1:role/Top"])
        #expect(world.assumer.calls.map(\.signedWith) == ["AKIABASE", "ASIAROLE1"])
        #expect(resolved.credentials.accessKeyId == "ASIAROLE2")
    }

    @Test func aSourceProfileWithKeysAndARoleLendsItsKeys() async throws {
        var world = Self.world(
            """
            [profile top]
            role_arn = arn:aws:iam::1:role/Top
            source_profile = both
            [profile both]
            role_arn = arn:aws:iam::2:role/Ignored
            source_profile = base
            """)
        world.credentialsFile +=
            "\n[both]\naws_access_key_id = AKIABOTH\naws_secret_access_key = both-secret\n"
        _ = try await world.chain(profile: "top").credentials()
        #expect(world.assumer.calls.map(\.roleArn) == ["arn:aws:iam::1:role/Top"])
        #expect(world.assumer.calls.first?.signedWith == "AKIABOTH")
    }

    @Test func aProfileMayBeItsOwnSourceWhenItHasKeys() async throws {
        var world = Self.world("[profile self]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = self\n")
        world.credentialsFile += "\n[self]\naws_access_key_id = AKIASELF\naws_secret_access_key = s\n"
        _ = try await world.chain(profile: "self").credentials()
        #expect(world.assumer.calls.first?.signedWith == "AKIASELF")
    }

    @Test(arguments: [
        (
            "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n", ["a", "b", "a"]
        ),
        ("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = a\n", ["a", "a"]),
        (
            "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = c\n"
                + "[profile c]\nrole_arn = arn:aws:iam::1:role/C\nsource_profile = b\n", ["a", "b", "c", "b"]
        ),
    ])
    func loopsAreNamed(_ config: String, _ path: [String]) async {
        let world = Self.world(config)
        let error = await credentialError { _ = try await world.chain(profile: "a").credentials() }
        #expect(error == .sourceProfileCycle(path))
        #expect(error?.description.contains(path.joined(separator: " -> ")) == true)
        #expect(world.assumer.calls.isEmpty)
    }

    @Test func misconfiguredRoleProfiles() async {
        let both = Self.world(
            "[profile p]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n"
                + "credential_source = Environment\n"
        )
        #expect(
            await credentialError { _ = try await both.chain(profile: "p").credentials() }
                == .invalidProfile(
                    profile: "p", problem: "has both source_profile and credential_source; keep one"))

        var neither = Self.world("[profile p]\nrole_arn = arn:aws:iam::1:role/R\n")
        neither.credentialsFile += "\n[p]\naws_access_key_id = AKIAP\naws_secret_access_key = s\n"
        #expect(
            await credentialError { _ = try await neither.chain(profile: "p").credentials() }
                == .partialCredentials(
                    source: "profile p (role_arn)", missing: "source_profile or credential_source"))

        let missing = Self.world("[profile p]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = nope\n")
        #expect(
            await credentialError { _ = try await missing.chain(profile: "p").credentials() }
                == .invalidProfile(profile: "p", problem: "source_profile nope does not exist"))

        let empty = Self.world(
            "[profile p]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = bare\n"
                + "[profile bare]\nregion = x\n"
        )
        #expect(
            await credentialError { _ = try await empty.chain(profile: "p").credentials() }
                == .sourceProfileHasNoCredentials(profile: "bare", referencedBy: "p"))

        let badSource = Self.world(
            "[profile p]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = environment\n")
        let error = await credentialError { _ = try await badSource.chain(profile: "p").credentials() }
        #expect(error?.description.contains("credential_source environment is not valid") == true)
    }

    @Test func credentialSourceEnvironmentIgnoresTheExplicitProfileRule() async throws {
        var world = Self.world(
            "[profile p]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Environment\n")
        world.variables["AWS_ACCESS_KEY_ID"] = "AKIAENV"
        world.variables["AWS_SECRET_ACCESS_KEY"] = "env-secret"
        let resolved = try await world.chain(profile: "p").credentials()
        #expect(world.assumer.calls.first?.signedWith == "AKIAENV")
        #expect(resolved.source == "profile p (role_arn via credential_source Environment)")
    }

    @Test func credentialSourceThatFindsNothingIsAnError() async {
        let world = Self.world(
            "[profile p]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Ec2InstanceMetadata\n")
        let error = await credentialError { _ = try await world.chain(profile: "p").credentials() }
        #expect(error == .credentialSourceEmpty(profile: "p", source: "Ec2InstanceMetadata"))
    }

    @Test func credentialSourceEcsContainer() async throws {
        var world = Self.world(
            "[profile p]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = EcsContainer\n")
        world.variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/v2/credentials/abc"
        world.transport.on(
            "GET", "http://169.254.170.2/v2/credentials/abc",
            body:
                #"{"AccessKeyId":"ASIATASK","SecretAccessKey":"t","Token":"tok","#
                + #""Expiration":"2024-05-01T16:00:00Z"}"#
        )
        _ = try await world.chain(profile: "p").credentials()
        #expect(world.assumer.calls.first?.signedWith == "ASIATASK")
    }

    @Test func mfaCodeIsAskedOnceAndSentWithTheSerial() async throws {
        let world = Self.world(
            """
            [profile p]
            role_arn = arn:aws:iam::1:role/R
            source_profile = base
            mfa_serial = arn:aws:iam::9:mfa/alice
            """)
        let asked = Mutex<[String]>([])
        let chain = world.chain(profile: "p") { serial in
            asked.withLock { $0.append(serial) }
            return "123456"
        }
        async let first = chain.credentials()
        async let second = chain.credentials()
        let results = try await [first, second]
        _ = try await chain.credentials()
        #expect(results.map(\.credentials.accessKeyId) == ["ASIAROLE1", "ASIAROLE1"])
        #expect(asked.withLock { $0 } == ["arn:aws:iam::9:mfa/alice"])
        #expect(world.assumer.calls.count == 1)
        #expect(world.assumer.calls.first?.serialNumber == "arn:aws:iam::9:mfa/alice")
        #expect(world.assumer.calls.first?.tokenCode == "123456")
    }

    @Test func mfaWithoutAPromptSaysHowToGiveTheCode() async {
        let world = Self.world(
            "[profile p]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n"
                + "mfa_serial = arn:aws:iam::9:mfa/a\n"
        )
        let error = await credentialError { _ = try await world.chain(profile: "p").credentials() }
        #expect(error == .mfaCodeRequired(profile: "p", serial: "arn:aws:iam::9:mfa/a"))
        #expect(error?.description.contains("--mfa-code") == true)
    }

    @Test func assumedRolesAreRefreshedBeforeTheyExpire() async throws {
        let world = Self.world("[profile p]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n")
        let chain = world.chain(profile: "p")
        #expect(try await chain.credentials().credentials.accessKeyId == "ASIAROLE1")
        world.clock.advance(by: 3_600 - 301)
        #expect(try await chain.credentials().credentials.accessKeyId == "ASIAROLE1")
        world.clock.advance(by: 2)
        #expect(try await chain.credentials().credentials.accessKeyId == "ASIAROLE2")
        #expect(world.assumer.calls.count == 2)
    }

    @Test func webIdentityFromTheEnvironment() async throws {
        var world = Self.world("")
        world.variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/var/run/token"
        world.variables["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/Pod"
        world.variables["AWS_ROLE_SESSION_NAME"] = "pod-1"
        world.files["/var/run/token"] = "eyJ.oidc.token"
        let resolved = try await world.chain().credentials()
        #expect(
            world.assumer.calls == [
                .init(
                    kind: "AssumeRoleWithWebIdentity", roleArn: "arn:aws:iam::1:role/Pod",
                    sessionName: "pod-1",
                    webIdentityToken: "eyJ.oidc.token", signedWith: nil)
            ])
        #expect(resolved.source == "web identity (AWS_WEB_IDENTITY_TOKEN_FILE, role arn:aws:iam::1:role/Pod)")
    }

    @Test func webIdentityUsesProfileKeysWhenTheProfileIsExplicit() async throws {
        var world = Self.world(
            """
            [profile ci]
            role_arn = arn:aws:iam::1:role/CI
            web_identity_token_file = /ci/token
            """)
        world.variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/var/run/token"
        world.variables["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/Pod"
        world.files["/ci/token"] = "ci-token"
        _ = try await world.chain(profile: "ci").credentials()
        #expect(world.assumer.calls.map(\.roleArn) == ["arn:aws:iam::1:role/CI"])
        #expect(world.assumer.calls.first?.webIdentityToken == "ci-token")
    }

    @Test func webIdentityProblems() async {
        var noRole = Self.world("")
        noRole.variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/var/run/token"
        let error = await credentialError { _ = try await noRole.chain().credentials() }
        #expect(error?.description.contains("AWS_ROLE_ARN") == true)

        var noFile = Self.world("")
        noFile.variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/var/run/missing"
        noFile.variables["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/Pod"
        #expect(
            await credentialError { _ = try await noFile.chain().credentials() }
                == .webIdentityTokenUnreadable(path: "/var/run/missing"))
    }

    @Test func assumeRoleProviderWorksOnItsOwn() async throws {
        let clock = TestClock()
        let assumer = FakeRoleAssumer(clock: clock)
        let base = StaticCredentialProvider(
            .init(accessKeyId: "AKIAMGMT", secretAccessKey: "m"), source: "mgmt")
        let provider = CachingCredentialProvider(
            AssumeRoleCredentialProvider(
                role: .init(
                    arn: "arn:aws:iam::222:role/OrganizationAccountAccessRole", sessionName: "opsdeck"),
                source: base, makeAssumer: assumer.factory, label: "member 222", now: clock.function),
            now: clock.function)
        let resolved = try await provider.credentials()
        #expect(resolved.source == "member 222")
        #expect(assumer.calls.first?.signedWith == "AKIAMGMT")
    }
}
