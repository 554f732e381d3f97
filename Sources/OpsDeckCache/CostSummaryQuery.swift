import Foundation
import GRDB
import OpsDeckCore

/// Computes the Cost pane's `CostSummary` from the stored daily points in one pass over the
/// window it needs, so the points themselves (90,000 in the large demo) are never loaded.
///
/// All periods are UTC, as AWS bills: month to date runs from the first of `now`'s month
/// through today; "same days last month" covers as many days from the first of last month
/// (capped at its end); the sparklines are the 30 days ending today.
struct CostSummaryQuery {
    static let sparklineDays = 30

    let now: Date
    let today: Date
    let tomorrow: Date
    let monthStart: Date
    let nextMonthStart: Date
    let lastMonthStart: Date
    let lastMonthSameDaysEnd: Date
    let sparklineStart: Date

    init(now: Date) {
        self.now = now
        let day = UTCCalendar.secondsPerDay
        today = UTCCalendar.startOfDay(now)
        tomorrow = today.addingTimeInterval(day)
        monthStart = UTCCalendar.startOfMonth(now)
        nextMonthStart = UTCCalendar.addingMonths(1, to: monthStart)
        lastMonthStart = UTCCalendar.addingMonths(-1, to: monthStart)
        let daysElapsed = (today.timeIntervalSince(monthStart) / day).rounded() + 1
        lastMonthSameDaysEnd = min(lastMonthStart.addingTimeInterval(daysElapsed * day), monthStart)
        sparklineStart = today.addingTimeInterval(-Double(Self.sparklineDays - 1) * day)
    }

    func read(_ db: Database, accounts: [Account]) throws -> CostSummary {
        var lines: [CostSummary.Line] = []
        var dimensions: [CostPoint.Dimension] = []
        var accountSlots = ByteCache<Int>()
        var serviceSlots = ByteCache<Int>()
        let monthStart = monthStart.timeIntervalSinceReferenceDate
        let lastMonthStart = lastMonthStart.timeIntervalSinceReferenceDate
        let lastMonthSameDaysEnd = lastMonthSameDaysEnd.timeIntervalSinceReferenceDate
        let sparklineStart = sparklineStart.timeIntervalSinceReferenceDate
        let arguments: StatementArguments = [
            min(lastMonthStart, sparklineStart), tomorrow.timeIntervalSinceReferenceDate,
        ]
        try CacheDatabase.forEachRow(db, sql: Self.windowSQL, arguments: arguments) { row in
            let dimensionBytes = row.bytes(0)
            let dimension: CostPoint.Dimension
            if Self.matches(dimensionBytes, Self.accountBytes) {
                dimension = .account
            } else if Self.matches(dimensionBytes, Self.serviceBytes) {
                dimension = .service
            } else {
                return
            }
            func newLine(_ key: UnsafeBufferPointer<UInt8>) -> Int {
                lines.append(
                    CostSummary.Line(
                        key: String(decoding: key, as: UTF8.self), label: "", monthToDate: 0,
                        lastMonthSameDays: 0,
                        lastMonthTotal: 0, daily: Array(repeating: 0, count: Self.sparklineDays)))
                dimensions.append(dimension)
                return lines.count - 1
            }
            let slot =
                dimension == .account
                ? accountSlots.value(for: row.bytes(1), make: newLine)
                : serviceSlots.value(for: row.bytes(1), make: newLine)
            let date = row.double(2)
            let amount = row.double(3)
            if date >= monthStart {
                lines[slot].monthToDate += amount
            } else if date >= lastMonthStart {
                lines[slot].lastMonthTotal += amount
                if date < lastMonthSameDaysEnd { lines[slot].lastMonthSameDays += amount }
            }
            if date >= sparklineStart {
                let index = Int((date - sparklineStart) / UTCCalendar.secondsPerDay)
                if index < Self.sparklineDays { lines[slot].daily[index] += amount }
            }
        }

        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var byAccount: [CostSummary.Line] = []
        var byService: [CostSummary.Line] = []
        for (index, var line) in lines.enumerated() {
            if dimensions[index] == .account {
                line.label = names[line.key] ?? line.key
                byAccount.append(line)
            } else {
                byService.append(line)
            }
        }
        let order: (CostSummary.Line, CostSummary.Line) -> Bool = { lhs, rhs in
            lhs.monthToDate != rhs.monthToDate ? lhs.monthToDate > rhs.monthToDate : lhs.key < rhs.key
        }
        byAccount.sort(by: order)
        byService.sort(by: order)

        // Both breakdowns add up to the organization's total; accounts are the usual one.
        let organization = byAccount.isEmpty ? byService : byAccount
        var orgDaily = Array(repeating: 0.0, count: Self.sparklineDays)
        for line in organization {
            for index in orgDaily.indices { orgDaily[index] += line.daily[index] }
        }
        return CostSummary(
            currency: try currency(db), monthToDate: organization.reduce(0) { $0 + $1.monthToDate },
            lastMonthSameDays: organization.reduce(0) { $0 + $1.lastMonthSameDays },
            lastMonthTotal: organization.reduce(0) { $0 + $1.lastMonthTotal }, forecast: try forecast(db),
            daily: orgDaily, byAccount: byAccount, byService: byService,
            budgets: try BudgetRecord.order(BudgetRecord.Columns.name).fetchAll(db).map(\.model),
            billingAlarmThreshold: nil, costExplorerRequestsToday: try costExplorerRequests(db))
    }

    /// The daily points of the window, read through the date-ordered covering index and folded
    /// into the lines as they stream by. A `GROUP BY dimension, key` would make SQLite sort the
    /// window (45,000 rows in the large demo) in a temporary B-tree first: measured three
    /// times slower. The points are never held in memory.
    private static let windowSQL = """
        SELECT dimension, key, date, amount
        FROM cost_points INDEXED BY cost_points_window
        WHERE granularity = 'daily' AND date >= ? AND date < ?
        """

    private static let accountBytes = Array(CostPoint.Dimension.account.rawValue.utf8)
    private static let serviceBytes = Array(CostPoint.Dimension.service.rawValue.utf8)

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: [UInt8]) -> Bool {
        bytes.count == expected.count && bytes.elementsEqual(expected)
    }

    private func currency(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT currency FROM cost_points WHERE granularity = 'daily' LIMIT 1")
            ?? "USD"
    }

    /// The stored forecast for this month; a forecast for another month says nothing now.
    private func forecast(_ db: Database) throws -> Double? {
        let row = try Row.fetchOne(
            db,
            sql:
                "SELECT TOTAL(amount), COUNT(*) FROM cost_forecasts "
                + "WHERE period_start >= ? AND period_start < ?",
            arguments: [
                monthStart.timeIntervalSinceReferenceDate, nextMonthStart.timeIntervalSinceReferenceDate,
            ])
        guard let row, (row[1] as Int) > 0 else { return nil }
        return row[0]
    }

    private func costExplorerRequests(_ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT value FROM counters WHERE name = ? AND day = ?",
            arguments: [CounterRecord.costExplorerRequests, UTCCalendar.dayString(now)]) ?? 0
    }
}
