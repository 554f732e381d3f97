import Testing

@testable import OpsDeckWebhook

@Test func listensOnLoopbackByDefault() {
    #expect(WebhookDefaults.listenAddress.hasPrefix("127.0.0.1:"))
}
