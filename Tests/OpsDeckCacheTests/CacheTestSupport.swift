import Foundation
import OpsDeckCore
import OpsDeckDemo

@testable import OpsDeckCache

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/opsdeck-cache-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Fixed instants, UTC.
enum Fixture {
    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else {
            preconditionFailure("bad fixture date \(text)")
        }
        return date
    }

    static func day(_ text: String) -> Date { date(text + "T00:00:00Z") }

    static func role(_ name: String, account: String, trust: String = "{}") -> Role {
        Role(
            accountId: account, name: name, arn: "arn:aws:iam::\(account):role/\(name)", trustPolicy: trust,
            tags: ["team": "platform"])
    }

    static func account(_ id: String, name: String, environment: Environment = .prod) -> Account {
        Account(
            id: id, name: name, email: "\(name)@example.com", ouId: "ou-1", ouPath: "Root/Workloads/Prod",
            environment: environment, alias: "alias-\(name)", tags: ["Environment": environment.rawValue])
    }
}

/// The glue the app needs between the demo and the cache (the demo module cannot see the cache).
extension CacheContents {
    init(demo: DemoDataset) {
        self.init(
            organization: demo.organization, units: demo.units, accounts: demo.accounts, roles: demo.roles,
            alarms: demo.alarms, incidents: demo.incidents, pipelineRuns: demo.pipelineRuns,
            cost: CostRecords(
                daily: demo.costPoints, budgets: demo.budgets,
                forecast: CostForecast(
                    periodStart: demo.forecastPeriod.lowerBound, periodEnd: demo.forecastPeriod.upperBound,
                    amount: demo.forecast)),
            costExplorerRequests: demo.costExplorerRequestsToday)
    }
}

/// File mode bits, for permission checks.
func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
