import Foundation

/// Where PagerDuty's REST API lives unless the config points elsewhere (tests do).
public enum PagerDutyDefaults {
    public static let restBaseURL = "https://api.pagerduty.com"
}
