import Foundation
import OpsDeckCore
import Testing

@Suite struct StalenessTests {
    typealias F = CoreFixtures

    private func judge(_ statuses: [SourceStatus], interval: TimeInterval = 60) -> Staleness {
        Staleness.of(statuses, interval: interval, now: F.now)
    }

    @Test func noStatusesIsEmpty() {
        #expect(judge([]) == .empty)
    }

    @Test func attemptedButNeverSucceededWithoutErrorIsEmpty() {
        #expect(judge([F.status(success: nil)]) == .empty)
    }

    @Test(arguments: [0.0, 30, 60])
    func withinTheIntervalIsLive(age: TimeInterval) {
        #expect(judge([F.status(success: age)]) == .live)
    }

    @Test(arguments: [
        // interval, age, expected
        (60.0, 61.0, Staleness.asOf(61)),
        (60, 360, .asOf(360)),
        (60, 361, .stale(361)),
        (3600, 7200, .asOf(7200)),
        (3600, 7201, .stale(7201)),
        (21_600, 43_200, .asOf(43_200)),
        (21_600, 50_000, .stale(50_000)),
    ])
    func olderThanTheIntervalIsAsOfThenStale(interval: TimeInterval, age: TimeInterval, expected: Staleness) {
        #expect(judge([F.status(success: age)], interval: interval) == expected)
    }

    @Test func theOldestSuccessDecides() {
        let statuses = [F.status(success: 10, account: "a"), F.status(success: 500, account: "b")]
        #expect(judge(statuses) == .stale(500))
    }

    @Test func oneFailureIsReportedWithTheAgeOfTheOldestSuccess() {
        let statuses = [
            F.status(success: 20, account: "a"), F.status(success: 90, error: "AccessDenied", account: "b"),
        ]
        #expect(judge(statuses) == .failed(message: "AccessDenied", age: 90))
    }

    @Test func failureWithoutAnySuccessHasNoAge() {
        #expect(judge([F.status(error: "timeout")]) == .failed(message: "timeout", age: nil))
    }

    @Test func severalFailuresAreCounted() {
        let statuses = [
            F.status(success: 5, account: "a"),
            F.status(error: "first", account: "b"),
            F.status(error: "second", account: "c"),
            F.status(error: "third", account: "d"),
        ]
        #expect(judge(statuses) == .failed(message: "first (+2 more)", age: 5))
        #expect(judge(Array(statuses.prefix(3))) == .failed(message: "first (+1 more)", age: 5))
    }

    @Test(arguments: [
        (Staleness.empty, "no data"),
        (.live, "live"),
        (.asOf(240), "as of 4m"),
        (.stale(7200), "stale 2h"),
        (.stale(3 * 86_400 + 5), "stale 3d"),
        (.failed(message: "AccessDenied", age: 300), "error (5m old): AccessDenied"),
        (.failed(message: "timeout", age: nil), "error: timeout"),
    ])
    func labels(staleness: Staleness, expected: String) {
        #expect(staleness.label == expected)
    }

    @Test(
        arguments: [
            (0.0, "0s"), (45.9, "45s"), (59, "59s"), (60, "1m"), (119, "1m"), (3599, "59m"), (3600, "1h"),
            (86_399, "23h"), (86_400, "1d"), (10 * 86_400, "10d"), (-30, "0s"),
        ] as [(TimeInterval, String)])
    func shortAge(seconds: TimeInterval, expected: String) {
        #expect(Staleness.shortAge(seconds) == expected)
    }
}
