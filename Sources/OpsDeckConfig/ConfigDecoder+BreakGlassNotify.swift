import Foundation

extension ConfigDecoder {
    /// `[breakglass] notify_*`: where a successful assumption is announced.
    mutating func decodeBreakGlassNotify(_ key: String, _ value: TOMLNode, at path: Path) {
        switch key {
        case "notify_sns_topic_arn":
            guard let arn = string(value, at: path) else { return }
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "sns", !parts[5].isEmpty else {
                error(
                    at: path,
                    "\"\(arn)\" is not an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:breakglass"
                )
                return
            }
            configuration.breakGlass.notifySNSTopicArn = arn
        case "notify_webhook_url":
            // The URL may carry a token (chat webhooks do): errors never repeat it.
            guard let text = string(value, at: path) else { return }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host?.isEmpty == false
            else {
                error(
                    at: path,
                    "not an http(s) URL such as https://hooks.example.com/breakglass (value not shown)")
                return
            }
            configuration.breakGlass.notifyWebhookURL = text
        default:
            if let flag = bool(value, at: path) { configuration.breakGlass.notifyPagerDutyIncident = flag }
        }
    }
}
