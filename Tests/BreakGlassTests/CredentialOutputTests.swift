import Foundation
import OpsDeckHTTP
import Testing

@testable import BreakGlass

@Suite struct CredentialOutputTests {
    @Test func envExportsAreQuoted() {
        let text = CredentialOutput.env.render(BreakGlassShellTests.session)
        #expect(text.contains("export AWS_SECRET_ACCESS_KEY='secret'\\''key'\n"))
        #expect(text.contains("export AWS_SESSION_TOKEN='token-value'"))
        #expect(text.hasSuffix("unset AWS_PROFILE AWS_DEFAULT_PROFILE\n"))
    }

    @Test func credentialProcessFollowsVersion1() throws {
        let text = CredentialOutput.credentialProcess.render(BreakGlassShellTests.session)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["Version"] as? Int == 1)
        #expect(object["AccessKeyId"] as? String == "ASIATESTKEY0000WXYZ")
        #expect(
            object["Expiration"] as? String
                == CredentialOutput.iso8601(BreakGlassShellTests.session.expiration))
        #expect(
            Set(object.keys) == ["Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"])
    }

    @Test func osc52CarriesTheTextInBase64() {
        #expect(OSC52.copySequence("hi") == "\u{1B}]52;c;aGk=\u{07}")
    }

    /// Answers getSigninToken as AWS documents and records the request.
    final class FederationTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var urls: [URL] = []
        let status: Int
        init(status: Int = 200) { self.status = status }
        var seen: [URL] { lock.withLock { urls } }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            lock.withLock { urls.append(request.url) }
            return HTTPResponse(status: status, headers: [], body: Data(#"{"SigninToken":"tok+en/=="}"#.utf8))
        }
    }

    @Test func theSignInURLCarriesTheToken() async throws {
        let transport = FederationTransport()
        let endpoint = try #require(URL(string: "http://127.0.0.1:1/federation"))
        let url = try await FederationSignIn(endpoint: endpoint, transport: transport)
            .signInURL(for: BreakGlassShellTests.session)
        #expect(
            url.absoluteString
                == "http://127.0.0.1:1/federation?Action=login&Issuer=opsdeck&Destination="
                + "https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1"
                + "&SigninToken=tok%2Ben%2F%3D%3D")
        let request = try #require(transport.seen.first)
        let items = try #require(URLComponents(url: request, resolvingAgainstBaseURL: false)?.queryItems)
        #expect(items.first { $0.name == "Action" }?.value == "getSigninToken")
        #expect(!items.contains { $0.name == "SessionDuration" })
        let session = try #require(items.first { $0.name == "Session" }?.value)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(session.utf8)) as? [String: String])
        #expect(
            object == [
                "sessionId": "ASIATESTKEY0000WXYZ", "sessionKey": "secret'key", "sessionToken": "token-value",
            ])
    }

    @Test func aRefusalNamesTheEndpoint() async throws {
        let endpoint = try #require(URL(string: "http://127.0.0.1:1/federation"))
        await #expect {
            _ = try await FederationSignIn(endpoint: endpoint, transport: FederationTransport(status: 400))
                .signInURL(for: BreakGlassShellTests.session)
        } throws: { error in
            guard case .refused(let named, 400) = error as? FederationError else { return false }
            return named == endpoint.absoluteString
        }
    }
}
