extension BreakGlassSettings {
    /// True when any notification is configured.
    public var notifies: Bool {
        notifySNSTopicArn != nil || notifyWebhookURL != nil || notifyPagerDutyIncident
    }

    /// The notification keys as `opsdeck config` prints them; the webhook URL is not shown.
    var notifyLines: [String] {
        var lines: [String] = []
        if let topic = notifySNSTopicArn {
            lines.append("notify_sns_topic_arn = \(ConfigRenderer.quoted(topic))")
        }
        if notifyWebhookURL != nil { lines.append("# notify_webhook_url: set (not shown)") }
        lines.append("notify_pagerduty_incident = \(notifyPagerDutyIncident)")
        return lines
    }
}
