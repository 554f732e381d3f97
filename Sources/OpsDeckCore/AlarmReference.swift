import Foundation

/// The parts of a CloudWatch alarm ARN (`arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME`),
/// used to tie a PagerDuty incident to the alarm that raised it.
public struct AlarmReference: Sendable, Hashable {
    public var region: String
    public var accountId: String
    public var name: String

    /// Parses an alarm ARN; nil for anything else.
    public init?(arn: String) {
        let parts = arn.split(separator: ":", maxSplits: 6, omittingEmptySubsequences: false)
        guard parts.count == 7, parts[0] == "arn", parts[2] == "cloudwatch", parts[5] == "alarm",
            !parts[3].isEmpty, !parts[4].isEmpty, !parts[6].isEmpty
        else { return nil }
        region = String(parts[3])
        accountId = String(parts[4])
        name = String(parts[6])
    }
}
