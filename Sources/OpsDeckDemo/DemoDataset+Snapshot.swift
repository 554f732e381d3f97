import Foundation
import OpsDeckCore

extension DemoDataset {
    /// The snapshot the cache would return after storing this dataset, computed without a
    /// database: for screen tests and previews, which must not touch SQLite.
    ///
    /// It follows the cache's rules (same orders, same cost periods, a successful status for
    /// every scope a refresh would have fetched); a cache test checks the two agree.
    public func snapshot() -> OrgSnapshot {
        OrgSnapshot(
            organization: organization, units: units.sorted { $0.path < $1.path },
            accounts: accounts.sorted { $0.name != $1.name ? $0.name < $1.name : $0.id < $1.id },
            roles: roles,
            pipelineRuns: pipelineRuns.sorted {
                $0.startedAt != $1.startedAt ? $0.startedAt > $1.startedAt : $0.id < $1.id
            },
            alarms: alarms,
            incidents: incidents.sorted {
                $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id
            },
            cost: costSummary(), statuses: statuses(), version: 1,
            metricSeries: Dictionary(metricSeries.map { ($0.alarmArn, $0) }, uniquingKeysWith: { $1 }))
    }

    /// Successes for the scopes `CacheDatabase.replaceAll` records.
    private func statuses() -> [SourceStatus] {
        let management = organization.managementAccountId
        func success(_ source: Source, _ account: String, _ region: String) -> SourceStatus {
            SourceStatus(
                source: source, accountId: account, region: region, lastAttemptAt: now, lastSuccessAt: now)
        }
        var statuses = [
            success(.organizations, management, "global"), success(.cost, management, "global"),
            success(.incidents, "*", "global"),
        ]
        if pipelineRuns.contains(where: { $0.kind == .githubActions }) {
            statuses.append(success(.pipelines, "github", "global"))
        }
        for account in accounts where account.status == .active {
            statuses.append(success(.roles, account.id, "global"))
            for region in organization.regions {
                statuses.append(success(.alarms, account.id, region))
                statuses.append(success(.pipelines, account.id, region))
            }
        }
        return statuses.sorted {
            ($0.source.rawValue, $0.accountId, $0.region) < ($1.source.rawValue, $1.accountId, $1.region)
        }
    }

    /// The Cost pane's numbers for `now`, by the rules of the cache's `CostSummaryQuery`.
    private func costSummary() -> CostSummary {
        let clock = DemoClock(now: now)
        let day = DemoClock.day
        let tomorrow = clock.today.addingTimeInterval(day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let lastMonthStart =
            calendar.date(byAdding: .month, value: -1, to: clock.monthStart) ?? clock.monthStart
        let sameDaysEnd = min(
            lastMonthStart.addingTimeInterval(Double(clock.daysElapsedInMonth) * day), clock.monthStart)
        let sparklineDays = 30
        let sparklineStart = clock.today.addingTimeInterval(-Double(sparklineDays - 1) * day)

        struct Key: Hashable {
            var dimension: CostPoint.Dimension
            var key: String
        }
        var order: [Key] = []
        var lines: [Key: CostSummary.Line] = [:]
        for point in costPoints
        where point.date >= min(lastMonthStart, sparklineStart) && point.date < tomorrow {
            let key = Key(dimension: point.dimension, key: point.key)
            if lines[key] == nil {
                order.append(key)
                lines[key] = CostSummary.Line(
                    key: point.key, label: "", monthToDate: 0, lastMonthSameDays: 0, lastMonthTotal: 0,
                    daily: Array(repeating: 0, count: sparklineDays))
            }
            if point.date >= clock.monthStart {
                lines[key]?.monthToDate += point.amount
            } else if point.date >= lastMonthStart {
                lines[key]?.lastMonthTotal += point.amount
                if point.date < sameDaysEnd { lines[key]?.lastMonthSameDays += point.amount }
            }
            if point.date >= sparklineStart {
                let index = Int(point.date.timeIntervalSince(sparklineStart) / day)
                if index < sparklineDays { lines[key]?.daily[index] += point.amount }
            }
        }
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let sort: (CostSummary.Line, CostSummary.Line) -> Bool = { lhs, rhs in
            lhs.monthToDate != rhs.monthToDate ? lhs.monthToDate > rhs.monthToDate : lhs.key < rhs.key
        }
        let byAccount = order.filter { $0.dimension == .account }.compactMap { key -> CostSummary.Line? in
            guard var line = lines[key] else { return nil }
            line.label = names[line.key] ?? line.key
            return line
        }.sorted(by: sort)
        let byService = order.filter { $0.dimension == .service }.compactMap { lines[$0] }.sorted(by: sort)
        let organizationLines = byAccount.isEmpty ? byService : byAccount
        var daily = Array(repeating: 0.0, count: sparklineDays)
        for line in organizationLines {
            for index in daily.indices { daily[index] += line.daily[index] }
        }
        return CostSummary(
            currency: costPoints.first?.currency ?? "USD",
            monthToDate: organizationLines.reduce(0) { $0 + $1.monthToDate },
            lastMonthSameDays: organizationLines.reduce(0) { $0 + $1.lastMonthSameDays },
            lastMonthTotal: organizationLines.reduce(0) { $0 + $1.lastMonthTotal },
            forecast: forecastPeriod.lowerBound == clock.monthStart ? forecast : nil, daily: daily,
            byAccount: byAccount, byService: byService, budgets: budgets.sorted { $0.name < $1.name },
            billingAlarmThreshold: alarms.filter(\.isBillingAlarm).compactMap(\.threshold).min(),
            costExplorerRequestsToday: costExplorerRequestsToday,
            anomalies: anomalies.sorted(by: CostAnomaly.byImpact))
    }
}
