import AWSClient
import Foundation
import OpsDeckCore

/// Reads one account's CloudWatch alarms in one region.
public struct AlarmsProvider: Sendable {
    /// Signed for the account, calling the region being read.
    public var core: AWSClientCore
    /// Ask for composite alarms too.
    public var includeComposite: Bool

    /// Creates a provider.
    public init(core: AWSClientCore, includeComposite: Bool = true) {
        self.core = core
        self.includeComposite = includeComposite
    }

    /// DescribeAlarms, metric and composite. An endpoint that lacks composite alarms
    /// (moto answers HTML 500) is asked again for metric alarms alone.
    /// - Throws: `AWSClientError`.
    public func fetch(accountId: String) async throws(AWSClientError) -> [Alarm] {
        let cloudWatch = CloudWatchClient(core: core)
        var alarms: [Alarm]
        do {
            alarms = try await cloudWatch.describeAlarms(includeComposite: includeComposite)
        } catch {
            guard includeComposite, case .notImplemented = error else { throw error }
            alarms = try await cloudWatch.describeAlarms(includeComposite: false)
        }
        // The cache keys rows by the scope read; an ARN from an emulator may say otherwise.
        return alarms.map { alarm in
            var alarm = alarm
            alarm.accountId = accountId
            alarm.region = core.region
            return alarm
        }
    }
}
