import Foundation
import Logging
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckUI
import PagerDuty

/// Carries the console's incident actions to PagerDuty through the queue and posts where
/// each stands back to the console.
final class IncidentActionSender: Sendable {
    private let queue: IncidentActionQueue?
    private let transport: AsyncHTTPTransport?
    private let unavailable: String

    /// - Parameters:
    ///   - settings: the `[pagerduty]` section.
    ///   - env: for the token variables.
    ///   - store: where queued actions wait (the cache's queue table once it has one).
    ///   - demo: the demo never reaches a real PagerDuty.
    init(settings: PagerDutySettings, env: [String: String], store: any IncidentActionStore, demo: Bool) {
        guard !demo else {
            (queue, transport) = (nil, nil)
            unavailable = "The demo does not send actions to PagerDuty"
            return
        }
        guard let token = settings.resolvedToken(env: env), let url = URL(string: settings.baseURL) else {
            (queue, transport) = (nil, nil)
            unavailable = "PagerDuty is not configured: set PAGERDUTY_TOKEN or pagerduty.token"
            return
        }
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let client = PagerDutyClient(
            configuration: PagerDutyRESTConfiguration(
                token: token.value, baseURL: url, fromEmail: settings.userEmail, timeout: .seconds(15)),
            transport: transport, retry: PagerDutyRetryPolicy(maxAttempts: 2),
            logger: Logger(label: "opsdeck.pagerduty"))
        self.transport = transport
        self.queue = IncidentActionQueue(store: store, client: client)
        self.unavailable = ""
    }

    /// Queues and sends `action` in the background; the result arrives in `mailbox`.
    func send(_ action: IncidentAction, mailbox: ActionMailbox) {
        guard let queue else {
            mailbox.post(.message(unavailable, isError: true))
            return
        }
        Task.detached {
            do {
                mailbox.post(.incidentActionQueued(try await queue.submit(action, now: Date())))
            } catch {
                mailbox.post(.message("The action could not be queued: \(error)", isError: true))
            }
        }
    }

    /// Closes the connections.
    func shutdown() async {
        try? await transport?.shutdown()
    }
}
