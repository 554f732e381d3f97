import Foundation
import OpsDeckCore

extension DemoOrganization {
    static let costDays = 90

    struct GeneratedCost {
        var points: [CostPoint]
        var budgets: [Budget]
        var forecast: Double
    }

    /// Services and their usual share of the bill.
    private static let services: [(name: String, share: Double)] = [
        ("Amazon Elastic Compute Cloud - Compute", 0.30), ("Amazon Relational Database Service", 0.16),
        ("Amazon Elastic Container Service", 0.09), ("Amazon Simple Storage Service", 0.08),
        ("EC2 - Other", 0.07),
        ("Amazon CloudFront", 0.05), ("Amazon DynamoDB", 0.05), ("Amazon OpenSearch Service", 0.04),
        ("Amazon CloudWatch", 0.04), ("AWS Lambda", 0.03), ("Amazon Virtual Private Cloud", 0.03),
        ("Amazon GuardDuty", 0.02), ("AWS Key Management Service", 0.01), ("AWS Config", 0.01),
        ("Amazon Route 53", 0.01), ("Tax", 0.01),
    ]

    /// The account whose budget is breached in every demo.
    static let breachedBudgetAccount = "payments-prod"

    /// 90 days of daily cost by account and by service, in whole cents so both breakdowns
    /// add up to exactly the same daily totals, plus a forecast and budgets.
    static func makeCost(size: DemoSize, org: GeneratedOrg, seed: UInt64, clock: DemoClock) -> GeneratedCost {
        var rng = SplitMix64(seed: seed, stream: "cost")
        let firstDay = clock.today.addingTimeInterval(-Double(costDays - 1) * DemoClock.day)
        let firstDayNumber = Int((firstDay.timeIntervalSince1970 / DemoClock.day).rounded())
        var points: [CostPoint] = []
        points.reserveCapacity(org.members.count * costDays + services.count * costDays)
        var dailyTotals = Array(repeating: 0, count: costDays)
        // In cents, so budget amounts come out exact.
        var monthToDateCents: [String: Int] = [:]
        var lastWeekCents: [String: Int] = [:]
        let monthStartIndex = max(0, costDays - clock.daysElapsedInMonth)

        for member in org.members {
            let account = member.account
            let base = baseDailyCost(account, size: size, rng: &rng)
            let growth = rng.double(-0.0005...0.004) + (account.name == breachedBudgetAccount ? 0.006 : 0)
            let suspendedDay = account.status == .active ? costDays : costDays - 20
            for day in 0..<costDays {
                var amount = base * (1 + growth * Double(day - costDays + 1))
                amount *= weekdayFactor(dayNumber: firstDayNumber + day, environment: account.environment)
                amount *= 1 + rng.double(-0.04...0.04)
                if account.name == breachedBudgetAccount && day == costDays - 10 { amount *= 1.8 }
                if day >= suspendedDay { amount = rng.double(0.2...0.9) }
                if day == costDays - 1 { amount *= clock.fractionOfToday }
                let cents = max(1, Int((amount * 100).rounded()))
                dailyTotals[day] += cents
                let dollars = Double(cents) / 100
                points.append(
                    CostPoint(
                        date: firstDay.addingTimeInterval(Double(day) * DemoClock.day), dimension: .account,
                        key: account.id, amount: dollars))
                if day >= monthStartIndex { monthToDateCents[account.id, default: 0] += cents }
                if day >= costDays - 8 && day < costDays - 1 {
                    lastWeekCents[account.id, default: 0] += cents
                }
            }
        }
        for day in 0..<costDays {
            let date = firstDay.addingTimeInterval(Double(day) * DemoClock.day)
            let weights = services.map { $0.share * (1 + rng.double(-0.06...0.06)) }
            let weightSum = weights.reduce(0, +)
            var remaining = dailyTotals[day]
            var serviceCents = weights.map { Int((Double(dailyTotals[day]) * $0 / weightSum).rounded(.down)) }
            remaining -= serviceCents.reduce(0, +)
            // The largest service absorbs the rounding, so services and accounts agree to the cent.
            serviceCents[0] += remaining
            for (index, service) in services.enumerated() {
                points.append(
                    CostPoint(
                        date: date, dimension: .service, key: service.name,
                        amount: Double(serviceCents[index]) / 100))
            }
        }

        let todayCents = dailyTotals[costDays - 1]
        let orgMonthToDate = dailyTotals[monthStartIndex...].reduce(0, +)
        let orgLastWeek = dailyTotals[(costDays - 8)..<(costDays - 1)].reduce(0, +)
        let remainingDays = Double(clock.daysInMonth - clock.daysElapsedInMonth + 1)
        let forecastCents = Double(orgMonthToDate - todayCents) + Double(orgLastWeek) / 7 * remainingDays
        let forecast = (forecastCents).rounded() / 100

        func accountForecast(_ id: String) -> Double {
            let mtd = Double(monthToDateCents[id] ?? 0)
            return (mtd + Double(lastWeekCents[id] ?? 0) / 7 * (remainingDays - 1)).rounded() / 100
        }
        let budgets = makeBudgets(
            size: size, org: org, orgMonthToDate: Double(orgMonthToDate) / 100, forecast: forecast,
            monthToDate: monthToDateCents.mapValues { Double($0) / 100 }, accountForecast: accountForecast,
            rng: &rng)
        return GeneratedCost(points: points, budgets: budgets, forecast: forecast)
    }

    private static func baseDailyCost(_ account: Account, size: DemoSize, rng: inout SplitMix64) -> Double {
        let scale = size == .large ? 0.5 : 1
        if account.isManagement { return rng.double(15...40) }
        switch account.environment {
        case .prod: return rng.double(250...900) * scale
        case .staging: return rng.double(60...200) * scale
        case .dev: return rng.double(25...120) * scale
        case .sandbox: return rng.double(2...25)
        case .security: return rng.double(30...90)
        case .shared, .unknown: return rng.double(80...300)
        }
    }

    /// Weekends are quiet where people, not customers, drive the load.
    private static func weekdayFactor(dayNumber: Int, environment: Environment) -> Double {
        // 1970-01-01 was a Thursday; Monday is 0.
        let weekday = (dayNumber + 3) % 7
        guard weekday >= 5 else { return 1 }
        switch environment {
        case .prod: return 0.93
        case .staging, .dev: return 0.62
        case .sandbox: return 0.45
        default: return 0.97
        }
    }

    /// Two significant digits, rounded down or up: budgets are set in round numbers.
    private static func roundNumber(_ value: Double, up: Bool) -> Double {
        guard value > 0 else { return 0 }
        let magnitude = pow(10, (log10(value)).rounded(.down) - 1)
        let scaled = value / magnitude
        return (up ? scaled.rounded(.up) : scaled.rounded(.down)) * magnitude
    }

    private static func makeBudgets(
        size: DemoSize, org: GeneratedOrg, orgMonthToDate: Double, forecast: Double,
        monthToDate: [String: Double],
        accountForecast: (String) -> Double, rng: inout SplitMix64
    ) -> [Budget] {
        var budgets = [
            Budget(
                accountId: org.management.id, name: "org-monthly-total",
                limit: roundNumber(forecast * 1.1, up: true),
                actual: orgMonthToDate, forecasted: forecast)
        ]
        for member in org.members where member.account.status == .active {
            let account = member.account
            let actual = monthToDate[account.id] ?? 0
            let projected = accountForecast(account.id)
            let limit: Double?
            if account.name == breachedBudgetAccount {
                // Below what it has already spent: the budget everybody should look at.
                limit = roundNumber(actual * 0.9, up: false)
            } else if account.environment == .sandbox && (size == .standard || rng.chance(0.1)) {
                limit = 1_000
            } else if ["data-prod", "checkout-prod"].contains(account.name) {
                limit = roundNumber(projected * 1.25, up: true)
            } else if size == .large && account.environment == .prod && rng.chance(0.15) {
                // A few generated budgets set too tight, as happens.
                limit = roundNumber(projected * (rng.chance(0.1) ? 0.3 : 1.3), up: true)
            } else {
                limit = nil
            }
            guard let limit else { continue }
            budgets.append(
                Budget(
                    accountId: org.management.id, name: "\(account.name)-monthly", limit: max(limit, 1),
                    actual: actual, forecasted: projected))
        }
        // Summed in account order: a dictionary's order changes between runs, and with it the
        // last bits of a floating-point sum.
        let sharedQuarter =
            org.members.filter { $0.account.environment == .shared }
            .reduce(0) { $0 + (monthToDate[$1.account.id] ?? 0) } * 2
        budgets.append(
            Budget(
                accountId: org.management.id, name: "shared-services-quarterly",
                limit: roundNumber(max(sharedQuarter, 1) * 2.2, up: true), actual: sharedQuarter,
                timeUnit: "QUARTERLY"))
        return budgets
    }
}
