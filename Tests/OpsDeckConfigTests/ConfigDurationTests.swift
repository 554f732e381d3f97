import Testing

@testable import OpsDeckConfig

@Suite struct ConfigDurationTests {
    @Test(arguments: [
        ("60s", 60), ("2m", 120), ("1h", 3600), ("6h", 21_600), ("1d", 86_400), ("90", 90), ("0s", 0),
        ("1h30m", 5400), ("1m30s", 90), (" 5m ", 300), ("2H", 7200),
    ])
    func parses(text: String, seconds: Int64) {
        #expect(ConfigDuration.parse(text) == .seconds(seconds))
    }

    @Test(arguments: [
        "", "6x", "m", "1.5h", "-1", "-5s", "30m1h", "1m1m", "5 m", "1h 30m", "s60",
        "99999999999999999999d",
    ])
    func rejects(text: String) {
        #expect(ConfigDuration.parse(text) == nil)
    }

    @Test(arguments: [
        (60, "1m"), (90, "90s"), (120, "2m"), (150, "2m30s"), (3600, "1h"), (5400, "90m"), (21_600, "6h"),
        (86_400, "1d"), (7260, "2h1m"), (45, "45s"), (0, "0s"),
    ])
    func formatsShortAndReadsBack(seconds: Int64, text: String) {
        #expect(ConfigDuration.format(.seconds(seconds)) == text)
        #expect(ConfigDuration.parse(text) == .seconds(seconds))
    }
}
