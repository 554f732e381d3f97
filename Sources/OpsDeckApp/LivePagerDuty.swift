import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import PagerDuty

/// The PagerDuty side of OpsDeck as the console, `opsdeck refresh`, `opsdeck incidents` and
/// `opsdeck doctor` build it: one transport and one REST client from the `[pagerduty]`
/// section. One factory, so the four never drift apart.
struct LivePagerDuty: Sendable {
    /// Why there is no PagerDuty client.
    enum Unavailable: Error, Sendable, Hashable, CustomStringConvertible {
        /// No token in the environment or the config file.
        case noToken(configPath: String?)
        /// `pagerduty.base_url` is not a URL.
        case badBaseURL(String)

        var description: String {
            switch self {
            case .noToken(let path):
                "no PagerDuty token: set PAGERDUTY_TOKEN or pagerduty.token in \(path ?? "the config file")"
            case .badBaseURL(let url): "pagerduty.base_url \"\(url)\" is not a URL"
            }
        }
    }

    let transport: AsyncHTTPTransport
    let client: PagerDutyClient
    let baseURL: URL

    /// Builds the client; nothing is contacted yet.
    /// - Parameters:
    ///   - retries: attempts per request (the console keeps them few: the next refresh retries).
    static func make(
        _ settings: PagerDutySettings, env: [String: String], configPath: String? = nil, retries: Int = 3,
        logger: Logger = Logger(label: "opsdeck.pagerduty")
    ) -> Result<LivePagerDuty, Unavailable> {
        guard let token = settings.resolvedToken(env: env) else {
            return .failure(.noToken(configPath: configPath))
        }
        guard let baseURL = URL(string: settings.baseURL), baseURL.host != nil else {
            return .failure(.badBaseURL(settings.baseURL))
        }
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let client = PagerDutyClient(
            configuration: PagerDutyRESTConfiguration(
                token: token.value, baseURL: baseURL, fromEmail: settings.userEmail, timeout: .seconds(15)),
            transport: transport, retry: PagerDutyRetryPolicy(maxAttempts: retries), logger: logger)
        return .success(LivePagerDuty(transport: transport, client: client, baseURL: baseURL))
    }

    /// Where the token in effect comes from, never its value; nil when there is none.
    static func tokenOrigin(_ settings: PagerDutySettings, env: [String: String], configPath: String?)
        -> String?
    {
        if let value = env[ConfigLoader.pagerDutyTokenVariable], !value.isEmpty {
            return "environment variable \(ConfigLoader.pagerDutyTokenVariable)"
        }
        if let value = env[PagerDutySettings.tokenVariable], !value.isEmpty {
            return "environment variable \(PagerDutySettings.tokenVariable)"
        }
        guard settings.token != nil else { return nil }
        return "pagerduty.token in \(configPath ?? "the config file")"
    }

    /// The incidents source writing into `cache`.
    func provider(cache: CacheDatabase) -> PagerDutyProvider {
        PagerDutyProvider(client: client, cache: cache)
    }

    /// The action queue kept in `cache`.
    func queue(cache: CacheDatabase) -> IncidentActionQueue {
        IncidentActionQueue(store: CachePagerDutyStore(cache: cache), client: client)
    }

    /// Closes the transport's connections.
    func shutdown() async {
        try? await transport.shutdown()
    }
}
