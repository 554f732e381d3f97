import Foundation

/// `now` and the UTC day and month boundaries the generators measure from.
struct DemoClock {
    static let day: TimeInterval = 86_400

    let now: Date
    /// Midnight UTC today.
    let today: Date
    let monthStart: Date
    let nextMonthStart: Date

    init(now: Date) {
        self.now = now
        today = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / Self.day).rounded(.down) * Self.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: now)
        monthStart = calendar.date(from: parts) ?? today
        nextMonthStart = calendar.date(byAdding: .month, value: 1, to: monthStart) ?? today
    }

    func minutesAgo(_ minutes: Double) -> Date { now.addingTimeInterval(-minutes * 60) }
    func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
    func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * Self.day) }

    /// Days of the current month so far, today included.
    var daysElapsedInMonth: Int { Int((today.timeIntervalSince(monthStart) / Self.day).rounded()) + 1 }
    var daysInMonth: Int { Int((nextMonthStart.timeIntervalSince(monthStart) / Self.day).rounded()) }
    /// How much of today has passed, for today's partial cost.
    var fractionOfToday: Double { max(0.05, now.timeIntervalSince(today) / Self.day) }
}
