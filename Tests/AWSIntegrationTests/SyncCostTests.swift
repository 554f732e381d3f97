import AWSClient
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Testing

/// Cost Explorer and Budgets through the refresh. moto answers only the exact request
/// bodies the seed bound (any other body gets an empty answer), so matching totals prove
/// the bytes sent.
@Suite(
    .enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"),
    .sharedSeededOrganization)
struct SyncCostTests {
    @Test func periodsFollowTheSeededDays() throws {
        let period = CostProvider.periods(today: SeededOrganization.referenceDate)
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        #expect(format.string(from: period.dailyStart) == "2026-08-26")
        #expect(format.string(from: period.monthlyStart) == "2026-09-01")
        #expect(format.string(from: period.end) == "2026-11-24")
    }

    @Test func refreshWritesCostAndBudgetsAsSeeded() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let requests = Dictionary(
            manifest.costExplorer.requests.map { ($0.name, $0.totals) },
            uniquingKeysWith: { first, _ in first })
        var report = RefreshReport()
        let snapshot = try await SyncHarness.run(
            endpoint: seeded.moto.endpoint, credentials: manifest.adminCredentials, manifest: manifest,
            now: { SeededOrganization.referenceDate }
        ) { refresher, _ in
            report = await refresher.refresh(only: [.organizations, .cost])
        }
        #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
        #expect(report.succeeded == 2)

        // Budgets: the management account's, the over-limit one breached.
        #expect(Set(snapshot.cost.budgets.map(\.name)) == Set(manifest.budgets.map(\.name)))
        for budget in manifest.budgets {
            let cached = try #require(snapshot.cost.budgets.first { $0.name == budget.name })
            #expect(cached.isBreached == budget.overLimit, "\(budget.name)")
        }
        // Every request AWS would bill: five GetCostAndUsage pages (daily by account has two),
        // the forecast and the anomalies (moto answers both with HTML 500: no forecast).
        #expect(snapshot.cost.costExplorerRequestsToday == 7)
        #expect(snapshot.cost.forecast == nil)

        // Month to date by account: the daily points of November, as seeded.
        let accountsDaily = try #require(requests["daily_by_account_page_1"])
        #expect(!accountsDaily.isEmpty)
        let monthly = try #require(requests["monthly_by_account"])
        #expect(!snapshot.cost.byAccount.isEmpty)
        let seededTotal = monthly.values.reduce(0, +)
        let cachedLastMonth = snapshot.cost.byAccount.map(\.lastMonthTotal).reduce(0, +)
        let cachedMonthToDate = snapshot.cost.byAccount.map(\.monthToDate).reduce(0, +)
        #expect(cachedLastMonth > 0 && cachedMonthToDate > 0)
        #expect(cachedLastMonth + cachedMonthToDate <= seededTotal + 0.01)
    }

    @Test func theProviderSendsTheBoundBodies() async throws {
        let seeded = try SharedSeededOrganization.current
        let manifest = seeded.organization.manifest
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let core = AWSClientCore(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(
                manifest.adminCredentials, source: "seeded admin key"),
            transport: transport,
            endpoints: AWSEndpointResolver(explicitURL: seeded.moto.endpoint.absoluteString),
            retryPolicy: RetryPolicy(quota: nil, sleep: { _ in }, random: { 0 }))
        let fetched: (records: CostRecords, costExplorerCalls: Int)
        do {
            fetched = try await CostProvider(core: core).fetch(
                managementAccountId: manifest.organization.managementAccountId,
                today: SeededOrganization.referenceDate)
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()

        func sums(_ points: [CostPoint], _ dimension: CostPoint.Dimension) -> [String: Double] {
            points.filter { $0.dimension == dimension }.reduce(into: [:]) {
                $0[$1.key, default: 0] += $1.amount
            }
        }
        func seededSums(_ names: [String]) -> [String: Double] {
            var result: [String: Double] = [:]
            for request in manifest.costExplorer.requests where names.contains(request.name) {
                for (key, amount) in request.totals { result[key, default: 0] += amount }
            }
            return result
        }
        func close(_ left: [String: Double], _ right: [String: Double]) -> Bool {
            Set(left.keys) == Set(right.keys)
                && left.allSatisfy { key, value in abs(value - (right[key] ?? .nan)) < 0.01 }
        }
        let daily = fetched.records.daily
        let monthly = fetched.records.monthly
        #expect(!daily.isEmpty && !monthly.isEmpty)
        let accountPages = ["daily_by_account_page_1", "daily_by_account_page_2"]
        #expect(close(sums(daily, .account), seededSums(accountPages)))
        #expect(close(sums(daily, .service), seededSums(["daily_by_service"])))
        #expect(close(sums(monthly, .account), seededSums(["monthly_by_account"])))
        #expect(close(sums(monthly, .service), seededSums(["monthly_by_service"])))
    }
}
