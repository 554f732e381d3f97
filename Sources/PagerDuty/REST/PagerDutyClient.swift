import Foundation
import Logging
import OpsDeckCore
import OpsDeckHTTP

/// PagerDuty REST API v2: incidents (paged, split by time at the offset cap), log entries
/// for backfill, actions on incidents and on-calls.
///
/// Retries 429 (honouring `Retry-After` / `ratelimit-reset`), 5xx and dropped connections
/// through an injected sleeper, so tests never wait.
public struct PagerDutyClient: Sendable {
    /// Sleeps between retries; `Task.sleep` in production, a recorder in tests.
    public typealias Sleeper = @Sendable (Duration) async throws -> Void

    public let configuration: PagerDutyRESTConfiguration
    let transport: any HTTPTransport
    let retry: PagerDutyRetryPolicy
    let sleeper: Sleeper
    let logger: Logger

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: base URL, token, `From` e-mail.
    ///   - transport: `AsyncHTTPTransport` in production.
    ///   - retry: when to try again.
    ///   - sleeper: how to wait between tries.
    ///   - logger: gets method, path and status; never the token or a note's text.
    public init(
        configuration: PagerDutyRESTConfiguration, transport: any HTTPTransport,
        retry: PagerDutyRetryPolicy = PagerDutyRetryPolicy(),
        sleeper: @escaping Sleeper = { try await Task.sleep(for: $0) },
        logger: Logger = Logger(label: "opsdeck.pagerduty")
    ) {
        self.configuration = configuration
        self.transport = transport
        self.retry = retry
        self.sleeper = sleeper
        self.logger = logger
    }

    var host: String { configuration.baseURL.host ?? configuration.baseURL.absoluteString }

    /// Builds the request PagerDuty expects: token, version-2 Accept, JSON, `From` on writes.
    func request(
        _ method: String, path: String, query: [(String, String)] = [], body: Data? = nil
    ) throws(PagerDutyError) -> HTTPRequest {
        let base =
            configuration.baseURL.absoluteString.hasSuffix("/")
            ? String(configuration.baseURL.absoluteString.dropLast()) : configuration.baseURL.absoluteString
        guard var components = URLComponents(string: base + path) else {
            throw .invalidResponse("the base URL \(base) is not a URL")
        }
        if !query.isEmpty {
            components.percentEncodedQuery = query.map { name, value in
                "\(Self.encode(name))=\(Self.encode(value))"
            }.joined(separator: "&")
        }
        guard let url = components.url else { throw .invalidResponse("cannot build a URL for \(path)") }
        var headers: [(name: String, value: String)] = [
            ("Authorization", "Token token=\(configuration.token)"),
            ("Accept", "application/vnd.pagerduty+json;version=2"),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if method != "GET" {
            guard let from = configuration.fromEmail, !from.isEmpty else { throw .missingFromEmail }
            headers.append(("From", from))
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: body ?? Data())
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Sends with retries; returns any 2xx-4xx answer that is final, throws for the rest.
    func send(_ request: HTTPRequest) async throws(PagerDutyError) -> HTTPResponse {
        let isWrite = request.method != "GET"
        var attempt = 1
        while true {
            let wait: Duration
            do {
                let response = try await transport.send(request, timeout: configuration.timeout)
                logger.debug(
                    "PagerDuty answered",
                    metadata: [
                        "method": .string(request.method), "path": .string(request.url.path),
                        "status": .stringConvertible(response.status),
                    ])
                guard let delay = retry.delay(after: response, attempt: attempt) else {
                    return response
                }
                wait = delay
            } catch let error as TransportError {
                guard let delay = retry.delay(after: error, attempt: attempt, isWrite: isWrite) else {
                    throw .unreachable(host: host, reason: Self.reason(error))
                }
                wait = delay
            } catch is CancellationError {
                throw .unreachable(host: host, reason: "cancelled")
            } catch {
                throw .unreachable(host: host, reason: String(describing: error))
            }
            do {
                try await sleeper(wait)
            } catch {
                throw .unreachable(host: host, reason: "cancelled while waiting to retry")
            }
            attempt += 1
        }
    }

    private static func reason(_ error: TransportError) -> String {
        switch error {
        case .connectionFailed(_, let reason): reason
        case .connectionReset: "the connection was dropped"
        case .timedOut(_, let after): "no answer within \(after)"
        }
    }

    /// Decodes a 2xx body, or maps an error answer.
    func decode<T: Decodable>(
        _ type: T.Type, from response: HTTPResponse, incidentId: String? = nil
    ) throws(PagerDutyError) -> T {
        guard (200..<300).contains(response.status) else {
            throw error(from: response, incidentId: incidentId)
        }
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw .invalidResponse("\(T.self) did not decode (\(response.body.count) bytes)")
        }
    }

    /// Maps a non-2xx answer to an error naming what to do.
    func error(from response: HTTPResponse, incidentId: String?) -> PagerDutyError {
        let detail = (try? JSONDecoder().decode(PagerDutyWire.ErrorBody.self, from: response.body))?.error
        var message = detail?.message ?? "HTTP \(response.status)"
        if let errors = detail?.errors, !errors.isEmpty { message += ": " + errors.joined(separator: "; ") }
        switch response.status {
        case 401: return .unauthorized
        case 403: return .forbidden(message: message)
        case 404: return .notFound(incidentId: incidentId ?? "?")
        case 429: return .rateLimited
        case 500...599: return .server(status: response.status, message: message)
        default: return .rejected(status: response.status, message: message)
        }
    }
}
