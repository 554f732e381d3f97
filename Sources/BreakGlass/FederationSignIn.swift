import Foundation
import OpsDeckHTTP

/// An AWS console sign-in URL for a break-glass session, through the federation endpoint:
/// `getSigninToken` with the session's credentials, then the `login` URL carrying the token.
/// The URL signs its holder in for the session's lifetime: treat it like the credentials.
public struct FederationSignIn: Sendable {
    /// AWS's federation endpoint (commercial partition).
    public static let defaultEndpoint = URL(string: "https://signin.aws.amazon.com/federation")
    /// Where the console opens.
    public static let defaultDestination = "https://console.aws.amazon.com/"

    /// The federation endpoint; replaced in tests by a loopback fixture server.
    public var endpoint: URL
    /// The HTTP transport.
    public var transport: any HTTPTransport
    /// Shown on the console's sign-out page.
    public var issuer: String

    /// Creates a client.
    public init(endpoint: URL, transport: any HTTPTransport, issuer: String = "opsdeck") {
        self.endpoint = endpoint
        self.transport = transport
        self.issuer = issuer
    }

    /// The console URL for `session`, opening `destination` (default: the console home of the
    /// session's region).
    /// - Throws: `FederationError`.
    public func signInURL(for session: BreakGlassSession, destination: String? = nil)
        async throws(FederationError)
        -> URL
    {
        let token = try await signinToken(for: session)
        let target =
            destination
            ?? "https://\(session.region).console.aws.amazon.com/console/home?region=\(session.region)"
        guard
            let url = Self.url(
                endpoint,
                [("Action", "login"), ("Issuer", issuer), ("Destination", target), ("SigninToken", token)])
        else { throw .invalidEndpoint(endpoint.absoluteString) }
        return url
    }

    /// Asks the endpoint for a sign-in token. The session JSON goes in the query, as AWS
    /// documents; the request is never logged.
    func signinToken(for session: BreakGlassSession) async throws(FederationError) -> String {
        var object: [String: CanonicalJSON.Value] = [
            "sessionId": .string(session.credentials.accessKeyId),
            "sessionKey": .string(session.credentials.secretAccessKey),
        ]
        if let token = session.credentials.sessionToken { object["sessionToken"] = .string(token) }
        // SessionDuration is left out: with AssumeRole credentials the console session lasts
        // as long as the role session, and AWS rejects the parameter for them.
        guard
            let url = Self.url(
                endpoint, [("Action", "getSigninToken"), ("Session", CanonicalJSON.encode(object))])
        else { throw .invalidEndpoint(endpoint.absoluteString) }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(30))
        } catch {
            throw .unreachable(endpoint: endpoint.absoluteString, reason: "\(error)")
        }
        guard response.status == 200 else {
            throw .refused(endpoint: endpoint.absoluteString, status: response.status)
        }
        guard let body = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
            let token = body["SigninToken"] as? String, !token.isEmpty
        else { throw .invalidAnswer(endpoint: endpoint.absoluteString) }
        return token
    }

    /// `endpoint?name=value&...` with every value form-encoded (`+`, `&`, `=` and `/` too).
    static func url(_ endpoint: URL, _ items: [(String, String)]) -> URL? {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query = items.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        let base = endpoint.absoluteString
        return URL(string: base + (base.contains("?") ? "&" : "?") + query)
    }
}
