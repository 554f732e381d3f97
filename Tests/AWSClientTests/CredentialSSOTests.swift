import Foundation
import Testing

@testable import AWSClient

@Suite("SSO: token cache lookup and GetRoleCredentials")
struct CredentialSSOTests {
    static let sessionConfig = """
        [profile dev]
        sso_session = my-sso
        sso_account_id = 111122223333
        sso_role_name = Read+Only
        region = eu-west-1
        [sso-session my-sso]
        sso_start_url = https://my-sso-portal.awsapps.com/start
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access
        """

    static let legacyConfig = """
        [profile old]
        sso_start_url = https://my-sso-portal.awsapps.com/start
        sso_region = eu-central-1
        sso_account_id = 111122223333
        sso_role_name = Admin
        """

    /// `sha1("my-sso")` and `sha1(start URL)`, as `aws sso login` names the files.
    static let sessionCacheFile = "/home/u/.aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json"
    static let legacyCacheFile = "/home/u/.aws/sso/cache/c7aaaf71fcc8777ae2475525ed049d39fe16c484.json"

    static let roleCredentials = """
        {"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "sso-secret",
         "sessionToken": "sso-token", "expiration": 1714561200000}}
        """

    static func world(_ config: String) -> CredentialWorld {
        var world = CredentialWorld()
        world.variables["AWS_EC2_METADATA_DISABLED"] = "true"
        world.config = config
        return world
    }

    static func token(expiresAt: String) -> String {
        #"{"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "us-east-1", "#
            + #""accessToken": "bearer-abc", "expiresAt": "\#(expiresAt)"}"#
    }

    @Test func sha1MatchesKnownDigests() {
        #expect(SHA1.hexDigest("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hexDigest("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(
            SHA1.hexDigest(String(repeating: "a", count: 1_000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        )
    }

    @Test func cacheFileIsNamedAfterTheSessionOrTheLegacyStartURL() {
        let cache = SSOTokenCache(environment: CredentialWorld().environment)
        #expect(
            cache.cacheFilePath(sessionName: "my-sso", startURL: "https://my-sso-portal.awsapps.com/start")
                == Self.sessionCacheFile)
        #expect(
            cache.cacheFilePath(sessionName: nil, startURL: "https://my-sso-portal.awsapps.com/start")
                == Self.legacyCacheFile)
    }

    @Test func exchangesTheSessionTokenForRoleCredentials() async throws {
        var world = Self.world(Self.sessionConfig)
        world.files[Self.sessionCacheFile] = Self.token(expiresAt: "2024-05-01T18:00:00Z")
        let url =
            "https://portal.sso.us-east-1.amazonaws.com/federation/credentials"
            + "?account_id=111122223333&role_name=Read%2BOnly"
        world.transport.on("GET", url, body: Self.roleCredentials)
        let resolved = try await world.chain(profile: "dev").credentials()
        #expect(resolved.credentials.accessKeyId == "ASIASSO")
        #expect(resolved.credentials.sessionToken == "sso-token")
        #expect(resolved.expiration == Date(timeIntervalSince1970: 1_714_561_200))
        #expect(resolved.source == "profile dev (SSO account 111122223333, role Read+Only)")
        let request = try #require(world.transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.header("x-amz-sso_bearer_token") == "bearer-abc")
        #expect(request.header("Authorization") == nil)
    }

    @Test func legacyProfilesUseTheStartURLCacheAndTheirOwnRegion() async throws {
        var world = Self.world(Self.legacyConfig)
        world.files[Self.legacyCacheFile] = Self.token(expiresAt: "2024-05-01T18:00:00UTC")
        world.transport.on(
            "GET",
            "https://portal.sso.eu-central-1.amazonaws.com/federation/credentials"
                + "?account_id=111122223333&role_name=Admin",
            body: Self.roleCredentials)
        #expect(try await world.chain(profile: "old").credentials().credentials.accessKeyId == "ASIASSO")
    }

    @Test func anExpiredTokenSaysToLogInAgainWithoutCallingAWS() async {
        var world = Self.world(Self.sessionConfig)
        world.files[Self.sessionCacheFile] = Self.token(expiresAt: "2024-05-01T09:00:00Z")
        let error = await credentialError { _ = try await world.chain(profile: "dev").credentials() }
        #expect(
            error == .ssoTokenExpired(profile: "dev", expiredAt: Date(timeIntervalSince1970: 1_714_554_000)))
        #expect(
            error?.description
                == "SSO token expired at 2024-05-01T09:00:00Z: run `aws sso login --profile dev`")
        #expect(world.transport.requests.isEmpty)
    }

    @Test func aMissingTokenNamesTheCacheFile() async {
        let world = Self.world(Self.sessionConfig)
        let error = await credentialError { _ = try await world.chain(profile: "dev").credentials() }
        #expect(error == .ssoTokenMissing(profile: "dev", cacheFile: Self.sessionCacheFile))
        #expect(error?.description.contains("aws sso login --profile dev") == true)
    }

    @Test func aMalformedTokenFileIsReported() async {
        var world = Self.world(Self.sessionConfig)
        world.files[Self.sessionCacheFile] = #"{"expiresAt": "2024-05-01T18:00:00Z"}"#
        let error = await credentialError { _ = try await world.chain(profile: "dev").credentials() }
        #expect(
            error
                == .ssoTokenInvalid(
                    profile: "dev", cacheFile: Self.sessionCacheFile, problem: "no accessToken"))
    }

    @Test func aRejectedTokenSaysToLogInAgain() async {
        var world = Self.world(Self.sessionConfig)
        world.files[Self.sessionCacheFile] = Self.token(expiresAt: "2024-05-01T18:00:00Z")
        world.transport.on(
            "GET",
            "https://portal.sso.us-east-1.amazonaws.com/federation/credentials"
                + "?account_id=111122223333&role_name=Read%2BOnly",
            status: 401, body: #"{"message": "Session token not found or invalid"}"#)
        let error = await credentialError { _ = try await world.chain(profile: "dev").credentials() }
        #expect(error == .ssoUnauthorized(profile: "dev"))
    }

    @Test func otherErrorsCarryTheStatusAndMessage() async {
        var world = Self.world(Self.sessionConfig)
        world.files[Self.sessionCacheFile] = Self.token(expiresAt: "2024-05-01T18:00:00Z")
        world.transport.on(
            "GET",
            "https://portal.sso.us-east-1.amazonaws.com/federation/credentials"
                + "?account_id=111122223333&role_name=Read%2BOnly",
            status: 403, body: #"{"message": "No access"}"#)
        let error = await credentialError { _ = try await world.chain(profile: "dev").credentials() }
        #expect(error?.description.contains("HTTP 403: No access") == true)
    }

    @Test func theEndpointCanBeReplaced() async throws {
        var world = Self.world(Self.sessionConfig)
        world.files[Self.sessionCacheFile] = Self.token(expiresAt: "2024-05-01T18:00:00Z")
        world.transport.on(
            "GET",
            "http://127.0.0.1:4567/federation/credentials?account_id=111122223333&role_name=Read%2BOnly",
            body: Self.roleCredentials)
        let viaInit = CredentialChain(
            profile: "dev", environment: world.environment, makeAssumer: world.assumer.factory,
            ssoEndpoint: URL(string: "http://127.0.0.1:4567/"))
        #expect(try await viaInit.credentials().credentials.accessKeyId == "ASIASSO")

        world.variables["AWS_ENDPOINT_URL_SSO"] = "http://127.0.0.1:4567"
        #expect(try await world.chain(profile: "dev").credentials().credentials.accessKeyId == "ASIASSO")
    }

    @Test func sessionProblemsAreConfigurationErrors() async {
        let missingSession = Self.world(
            "[profile dev]\nsso_session = nope\nsso_account_id = 1\nsso_role_name = R\n")
        #expect(
            await credentialError { _ = try await missingSession.chain(profile: "dev").credentials() }
                == .invalidProfile(
                    profile: "dev",
                    problem: "sso_session nope does not exist; add [sso-session nope] to the config file"))

        let conflicting = Self.world(
            Self.sessionConfig.replacingOccurrences(
                of: "sso_role_name = Read+Only", with: "sso_role_name = Read+Only\nsso_region = eu-west-1"))
        let conflict = await credentialError { _ = try await conflicting.chain(profile: "dev").credentials() }
        #expect(conflict?.description.contains("sso_region differs between the profile (eu-west-1)") == true)

        let incomplete = Self.world("[profile dev]\nsso_account_id = 1\nsso_start_url = https://x\n")
        #expect(
            await credentialError { _ = try await incomplete.chain(profile: "dev").credentials() }
                == .invalidProfile(
                    profile: "dev", problem: "configured for SSO but missing sso_role_name, sso_region"))
    }
}
