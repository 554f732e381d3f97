import AWSClient
import Foundation
import OpsDeckHTTP

/// Announces a break-glass session on the channels configured: an SNS topic, an HTTP(S)
/// webhook (a JSON POST) and a note on the PagerDuty incident picked as the ticket. Every
/// channel is tried; failures are returned (and recorded in the audit log by `announce`),
/// never thrown: a notification that does not arrive does not take the session back.
public struct BreakGlassNotifier: Sendable {
    /// Publishes to the topic; nil when no topic is configured.
    public var sns: SNSClient?
    /// The topic ARN.
    public var snsTopicArn: String?
    /// The webhook; it may hold a token, so it is never named in a message.
    public var webhookURL: URL?
    /// Carries the webhook POST.
    public var transport: (any HTTPTransport)?
    /// Adds a note to a PagerDuty incident (id, text); nil when not configured.
    public var incidentNote: (@Sendable (_ incidentId: String, _ text: String) async throws -> Void)?
    /// How long the webhook may take.
    public var timeout: Duration

    /// Creates a notifier; with nothing configured it sends nothing.
    public init(
        sns: SNSClient? = nil, snsTopicArn: String? = nil, webhookURL: URL? = nil,
        transport: (any HTTPTransport)? = nil,
        incidentNote: (@Sendable (_ incidentId: String, _ text: String) async throws -> Void)? = nil,
        timeout: Duration = .seconds(10)
    ) {
        self.sns = sns
        self.snsTopicArn = snsTopicArn
        self.webhookURL = webhookURL
        self.transport = transport
        self.incidentNote = incidentNote
        self.timeout = timeout
    }

    /// True when at least one channel is configured.
    public var isConfigured: Bool {
        (sns != nil && snsTopicArn != nil) || webhookURL != nil || incidentNote != nil
    }

    /// The PagerDuty incident id in a ticket the form's picker filled in (`PD#42 P1ABCDE`), if any.
    public static func incidentId(inTicket ticket: String?) -> String? {
        guard let ticket, ticket.hasPrefix("PD#") else { return nil }
        let words = ticket.split(separator: " ")
        return words.count == 2 ? String(words[1]) : nil
    }

    /// Sends `notification` on every configured channel.
    /// - Returns: one line per channel that failed, naming it and what to check.
    public func send(_ notification: BreakGlassNotification) async -> [String] {
        var failures: [String] = []
        if let sns, let topic = snsTopicArn {
            do {
                _ = try await sns.publish(
                    topicArn: topic, message: notification.text, subject: notification.subject)
            } catch {
                failures.append("SNS topic \(topic): \(error) (check the topic and sns:Publish on it)")
            }
        }
        if let webhookURL, let transport {
            var request = HTTPRequest(
                method: "POST", url: webhookURL,
                headers: [("Content-Type", "application/json"), ("User-Agent", "opsdeck-breakglass")],
                body: notification.json)
            request.headers.append(("Content-Length", "\(request.body.count)"))
            do {
                let response = try await transport.send(request, timeout: timeout)
                if !(200..<300).contains(response.status) {
                    failures.append(
                        "webhook (notify_webhook_url) answered HTTP \(response.status) (check the receiver)")
                }
            } catch {
                failures.append(
                    "webhook (notify_webhook_url) unreachable: \(Self.describe(error, hiding: webhookURL))")
            }
        }
        if let incidentNote {
            if let id = Self.incidentId(inTicket: notification.ticket) {
                do {
                    try await incidentNote(id, notification.text)
                } catch {
                    failures.append(
                        "PagerDuty note on \(id): \(error) (check the token and pagerduty.user_email)")
                }
            } else {
                failures.append(
                    "PagerDuty note: no incident was picked as the ticket (pick one with ctrl-n in the form)")
            }
        }
        return failures
    }

    /// Sends, then records any failures as a `notification` entry in `audit`.
    /// - Returns: the failures (an audit log that cannot be written adds one).
    public func announce(
        _ notification: BreakGlassNotification, durationSeconds: Int, audit: AuditLog, now: Date = Date()
    ) async -> [String] {
        var failures = await send(notification)
        guard !failures.isEmpty else { return failures }
        do {
            try audit.append(notification.failureEntry(failures, durationSeconds: durationSeconds, at: now))
        } catch {
            failures.append("the failure could not be recorded in the audit log: \(error)")
        }
        return failures
    }

    /// A transport error without the URL (which may carry a token).
    static func describe(_ error: any Error, hiding url: URL) -> String {
        var text = "\(error)"
        for secret in [url.absoluteString, url.query(percentEncoded: true) ?? "", url.path]
        where secret.count > 1 {
            text = text.replacingOccurrences(of: secret, with: "<hidden>")
        }
        return text
    }
}
