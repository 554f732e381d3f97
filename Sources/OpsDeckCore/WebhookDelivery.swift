import Foundation

/// One verified webhook delivery, ready to store: the decoded event and the raw body.
public struct WebhookDelivery: Sendable, Hashable {
    /// `X-Webhook-Id`: the same on every retry of one delivery; nil when the sender left
    /// it out (deduplication then rests on `event.id` alone).
    public var webhookId: String?
    public var event: IncidentEvent
    /// The request body exactly as received (UTF-8 JSON), kept so an event OpsDeck does not
    /// understand today can be read again later.
    public var rawBody: String
    public var receivedAt: Date

    public init(webhookId: String?, event: IncidentEvent, rawBody: String, receivedAt: Date) {
        self.webhookId = webhookId
        self.event = event
        self.rawBody = rawBody
        self.receivedAt = receivedAt
    }
}
