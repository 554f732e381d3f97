import Foundation
import OpsDeckCore

/// Generates a believable AWS organization for `--demo`, screenshots and benchmarks.
///
/// The output depends only on the size and `now`: random choices are seeded by the size and
/// the UTC day, and every timestamp is relative to `now`. The standard size is a small
/// company of 25 accounts with a few things wrong (drifted roles, firing alarms, a breached
/// budget, a page resolved while its alarm still fires); the large size has exactly 1,000
/// accounts, 20,000 roles, 5,000 alarms, 2,000 incidents and 20,000 pipeline runs.
public enum DemoOrganization {
    /// The regions the demo organization runs in.
    public static let regions = ["us-east-1", "us-west-2"]
    /// The profile name the header shows for the demo.
    public static let profile = "demo"

    /// Builds the organization for `size` as of `now`.
    public static func generate(size: DemoSize, now: Date) -> DemoDataset {
        let day = UInt64(bitPattern: Int64((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        let sizeSalt: UInt64 = size == .large ? 0x4C41_5247_4520_4F52 : 0x5354_414E_4441_5244
        let seed = (day &* 0x9E37_79B9_7F4A_7C15) ^ sizeSalt
        let clock = DemoClock(now: now)

        let org = makeOrganization(size: size, seed: seed, clock: clock)
        let roles = makeRoles(size: size, org: org, seed: seed, clock: clock)
        let alarms = makeAlarms(size: size, org: org, seed: seed, clock: clock)
        let incidents = makeIncidents(size: size, org: org, alarms: alarms, seed: seed, clock: clock)
        let runs = makePipelineRuns(size: size, org: org, seed: seed, clock: clock)
        let cost = makeCost(size: size, org: org, seed: seed, clock: clock)

        return DemoDataset(
            size: size, now: now, organization: org.info, units: org.units, accounts: org.accounts,
            roles: roles,
            alarms: alarms, incidents: incidents, pipelineRuns: runs, costPoints: cost.points,
            budgets: cost.budgets, forecast: cost.forecast,
            forecastPeriod: clock.monthStart..<clock.nextMonthStart,
            costExplorerRequestsToday: size == .large ? 14 : 6,
            metricSeries: makeMetricSeries(alarms: alarms, seed: seed, clock: clock),
            anomalies: makeAnomalies(org: org, seed: seed, clock: clock))
    }
}
