import Foundation
import Logging
import OpsDeckHTTP

/// GitHub's REST API for workflow runs, on any `HTTPTransport`.
public struct GitHubActionsClient: Sendable {
    /// What a request carries besides the token.
    public static let acceptHeader = "application/vnd.github+json"
    /// The API version the decoding follows.
    public static let apiVersion = "2022-11-28"

    /// The API root, the token, the timeout.
    public var source: GitHubSource
    public var transport: any HTTPTransport
    /// Receives one line per request (path and status; never the token).
    public var logger: Logger

    /// Creates a client.
    public init(source: GitHubSource, transport: any HTTPTransport, logger: Logger) {
        self.source = source
        self.transport = transport
        self.logger = logger
    }

    /// The newest workflow runs of `repository`, newest first, following `Link: rel="next"`
    /// until `limit` runs are read (or the pages end).
    /// - Parameters:
    ///   - repository: `owner/name`.
    ///   - limit: at most this many runs (1...1000).
    /// - Throws: `GitHubError`.
    public func listWorkflowRuns(repository: String, limit: Int) async throws(GitHubError)
        -> [GitHubWorkflowRun]
    {
        let limit = min(max(1, limit), 1000)
        let perPage = min(limit, 100)
        guard var url = runsURL(repository: repository, perPage: perPage) else {
            throw .invalidResponse(
                repository: repository, reason: "\(source.apiURL) and \(repository) make no URL")
        }
        var runs: [GitHubWorkflowRun] = []
        // Bounded, so a server that keeps linking "next" cannot keep us here.
        let maximumPages = (limit + perPage - 1) / perPage + 1
        for _ in 0..<maximumPages {
            let response = try await get(url, repository: repository)
            let page: Page
            do {
                page = try Self.decoder.decode(Page.self, from: response.body)
            } catch {
                throw .invalidResponse(
                    repository: repository, reason: "not a list of workflow runs (\(error))")
            }
            runs += page.workflowRuns
            guard runs.count < limit, !page.workflowRuns.isEmpty,
                let next = GitHubLinkHeader(response.header("Link")).next
            else { break }
            url = try sameHost(next, repository: repository)
        }
        return Array(runs.prefix(limit))
    }

    struct Page: Decodable {
        var workflowRuns: [GitHubWorkflowRun]

        enum CodingKeys: String, CodingKey {
            case workflowRuns = "workflow_runs"
        }
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    func runsURL(repository: String, perPage: Int) -> URL? {
        let parts = repository.split(separator: "/")
        guard parts.count == 2,
            var components = URLComponents(url: source.apiURL, resolvingAgainstBaseURL: false)
        else { return nil }
        let base = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = "\(base)/repos/\(parts[0])/\(parts[1])/actions/runs"
        components.queryItems = [URLQueryItem(name: "per_page", value: String(perPage))]
        return components.url
    }

    /// A `next` link must stay on the API's scheme, host and port: the token goes with it.
    private func sameHost(_ link: String, repository: String) throws(GitHubError) -> URL {
        guard let url = URL(string: link), url.scheme == source.apiURL.scheme, url.host == source.apiURL.host,
            url.port == source.apiURL.port
        else {
            throw .invalidResponse(
                repository: repository, reason: "the next page's link leaves \(source.apiURL.absoluteString)")
        }
        return url
    }

    private func get(_ url: URL, repository: String) async throws(GitHubError) -> HTTPResponse {
        var headers: [(name: String, value: String)] = [
            ("Accept", Self.acceptHeader), ("X-GitHub-Api-Version", Self.apiVersion),
            ("User-Agent", "opsdeck"),
        ]
        if let token = source.token { headers.append(("Authorization", "Bearer \(token.value)")) }
        let response: HTTPResponse
        do {
            response = try await transport.send(
                HTTPRequest(method: "GET", url: url, headers: headers), timeout: source.timeout)
        } catch let error as TransportError {
            throw .transport(repository: repository, error)
        } catch {
            throw .transport(
                repository: repository,
                .connectionFailed(host: url.host ?? source.apiURL.absoluteString, reason: "\(error)"))
        }
        logger.debug(
            "github request",
            metadata: ["github.path": "\(url.path)", "github.status": "\(response.status)"])
        guard (200..<300).contains(response.status) else {
            throw error(for: response, repository: repository)
        }
        return response
    }

    func error(for response: HTTPResponse, repository: String) -> GitHubError {
        struct Body: Decodable { var message: String? }
        let message =
            (try? JSONDecoder().decode(Body.self, from: response.body))?.message
            ?? "(no message)"
        let api = source.apiURL.absoluteString
        let exhausted = response.header("x-ratelimit-remaining")?.trimmingCharacters(in: .whitespaces) == "0"
        let retryAfter = response.header("retry-after").flatMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        let limited = response.status == 429 || (response.status == 403 && (exhausted || retryAfter != nil))
        if limited {
            let reset = response.header("x-ratelimit-reset")
                .flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
                .map { Date(timeIntervalSince1970: $0) }
            return .rateLimited(
                repository: repository, resetsAt: exhausted ? reset : nil, retryAfterSeconds: retryAfter,
                authenticated: source.token != nil)
        }
        switch response.status {
        case 401:
            return .badCredentials(repository: repository, apiURL: api, tokenOrigin: source.token?.origin)
        case 403:
            return .forbidden(repository: repository, message: message)
        case 404:
            return .notFound(repository: repository, apiURL: api, authenticated: source.token != nil)
        default:
            return .http(
                repository: repository, status: response.status, message: message,
                requestId: response.header("x-github-request-id"))
        }
    }
}
