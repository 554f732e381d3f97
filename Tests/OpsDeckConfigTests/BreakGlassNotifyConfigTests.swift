import Testing

@testable import OpsDeckConfig

/// `[breakglass] notify_*`: decoded, checked, and the webhook URL (which may hold a token)
/// never repeated in a problem or in `opsdeck config show`.
@Suite struct BreakGlassNotifyConfigTests {
    func load(_ text: String) -> LoadedConfiguration {
        ConfigLoader.load(text: text, path: "c.toml", fileMode: 0o600, env: [:])
    }

    @Test func decodesTheThreeKeys() {
        let loaded = load(
            """
            [breakglass]
            notify_sns_topic_arn = "arn:aws:sns:eu-west-1:123456789012:breakglass"
            notify_webhook_url = "https://hooks.example.com/bg?token=s3cr3t"
            notify_pagerduty_incident = true
            """)
        #expect(loaded.problems.isEmpty, "\(loaded.problems.map(\.description))")
        let settings = loaded.configuration.breakGlass
        #expect(settings.notifySNSTopicArn == "arn:aws:sns:eu-west-1:123456789012:breakglass")
        #expect(settings.notifyWebhookURL == "https://hooks.example.com/bg?token=s3cr3t")
        #expect(settings.notifyPagerDutyIncident)
        #expect(settings.notifies)
        let shown = ConfigRenderer.render(loaded.configuration)
        #expect(shown.contains("notify_sns_topic_arn = \"arn:aws:sns:eu-west-1:123456789012:breakglass\""))
        #expect(shown.contains("# notify_webhook_url: set (not shown)"))
        #expect(!shown.contains("s3cr3t"))
        #expect(shown.contains("notify_pagerduty_incident = true"))
    }

    @Test func defaultsNotifyNobody() {
        let settings = OpsDeckConfiguration.defaults.breakGlass
        #expect(!settings.notifies)
        #expect(settings.notifySNSTopicArn == nil)
    }

    @Test func badValuesAreNamedWithoutRepeatingTheURL() {
        let loaded = load(
            """
            [breakglass]
            notify_sns_topic_arn = "arn:aws:sqs:us-east-1:123456789012:queue"
            notify_webhook_url = "ftp://hooks.example.com/s3cr3t"
            notify_pagerduty_incident = "yes"
            """)
        let messages = loaded.problems.map(\.description)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.contains("is not an SNS topic ARN") })
        #expect(messages.contains { $0.contains("not an http(s) URL") && !$0.contains("s3cr3t") })
        #expect(loaded.configuration.breakGlass.notifyWebhookURL == nil)
    }
}
