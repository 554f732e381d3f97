import Foundation
import Logging
import OpsDeckCache
import OpsDeckDemo

/// Puts the generated demo organization into a (demo) cache.
public enum DemoCache {
    static let stampKey = "demo.stamp"
    /// A demo older than this is regenerated at start, so ages and "live" stay believable.
    static let maximumAge: TimeInterval = 600

    /// Writes the demo unless the cache already holds one of this size from the last few minutes.
    public static func ensure(in cache: CacheDatabase, size: DemoSize, now: Date, logger: Logger) throws {
        if let stamp = try cache.metaValue(forKey: stampKey) {
            let parts = stamp.split(separator: "@")
            if parts.count == 2, parts[0] == size.rawValue, let written = Double(parts[1]),
                now.timeIntervalSince1970 - written < maximumAge
            {
                return
            }
        }
        let started = Date()
        try write(DemoOrganization.generate(size: size, now: now), into: cache)
        logger.info(
            "demo written",
            metadata: ["size": "\(size.rawValue)", "seconds": "\(Date().timeIntervalSince(started))"])
    }

    /// Replaces everything in `cache` with `dataset`.
    public static func write(_ dataset: DemoDataset, into cache: CacheDatabase) throws {
        let contents = CacheContents(
            organization: dataset.organization, units: dataset.units, accounts: dataset.accounts,
            roles: dataset.roles,
            alarms: dataset.alarms, incidents: dataset.incidents, pipelineRuns: dataset.pipelineRuns,
            cost: CostRecords(
                daily: dataset.costPoints, budgets: dataset.budgets,
                forecast: CostForecast(
                    periodStart: dataset.forecastPeriod.lowerBound,
                    periodEnd: dataset.forecastPeriod.upperBound,
                    amount: dataset.forecast),
                anomalies: dataset.anomalies),
            costExplorerRequests: dataset.costExplorerRequestsToday, metricSeries: dataset.metricSeries)
        try cache.replaceAll(with: contents, fetchedAt: dataset.now)
        try cache.setMetaValue(
            "\(dataset.size.rawValue)@\(dataset.now.timeIntervalSince1970)", forKey: stampKey)
    }
}
