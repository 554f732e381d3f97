import Foundation
import OpsDeckConfig
import OpsDeckHTTP

/// The `== pagerduty` part of `opsdeck doctor`: where the token comes from (never its value)
/// and whether PagerDuty accepts it.
extension DoctorRunner {
    /// The lines of the section, and whether a configured token failed.
    ///
    /// The check is `GET /abilities`: every REST key may read it, a read-only key included
    /// (`/users/me` answers only user tokens, so it would fail for a general key that works).
    static func pagerDutyReport(
        _ settings: PagerDutySettings, environment: [String: String], configPath: String?
    ) async -> (lines: [String], failed: Bool) {
        guard
            let origin = LivePagerDuty.tokenOrigin(settings, env: environment, configPath: configPath),
            let token = settings.resolvedToken(env: environment)
        else {
            return (
                [
                    "token: not configured; incidents are not refreshed. Set PAGERDUTY_TOKEN or "
                        + "pagerduty.token in \(configPath ?? "the config file") to add them"
                ], false
            )
        }
        var lines = ["token: from \(origin)"]
        lines.append(
            settings.userEmail.map { "user_email: \($0)" }
                ?? "user_email: not set; acknowledging and resolving need pagerduty.user_email")
        guard let base = URL(string: settings.baseURL), base.host != nil else {
            lines.append("pagerduty.base_url \"\(settings.baseURL)\" is not a URL: fix it in the config file")
            return (lines, true)
        }
        let url = base.appendingPathComponent("abilities")
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let request = HTTPRequest(
            method: "GET", url: url,
            headers: [
                ("Authorization", "Token token=\(token.value)"),
                ("Accept", "application/vnd.pagerduty+json;version=2"),
            ])
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: .seconds(10))
        } catch {
            try? await transport.shutdown()
            lines.append(
                "GET \(url.absoluteString): no answer (\(error)); check the network or pagerduty.base_url. "
                    + "Actions wait in the queue until PagerDuty answers")
            return (lines, true)
        }
        try? await transport.shutdown()
        switch response.status {
        case 200..<300:
            lines.append("GET \(url.absoluteString): OK, PagerDuty accepts the token")
            return (lines, false)
        case 401:
            lines.append(
                "GET \(url.absoluteString): 401, PagerDuty refused the token: replace it (\(origin))")
        case 403:
            lines.append(
                "GET \(url.absoluteString): 403, the token may not read the account: use another key")
        default:
            lines.append(
                "GET \(url.absoluteString): HTTP \(response.status); PagerDuty may be failing, try again later"
            )
        }
        return (lines, true)
    }
}
