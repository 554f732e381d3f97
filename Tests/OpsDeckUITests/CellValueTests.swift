import Foundation
import Testing

@testable import OpsDeckUI

@Suite struct CellValueTests {
    let now = UIFixtures.now
    func ago(_ s: TimeInterval) -> Date { UIFixtures.ago(s) }

    @Test func renderEachKind() {
        #expect(CellValue.text("hello").render(now: now) == "hello")
        #expect(CellValue.age(ago(240)).render(now: now) == "4m")
        #expect(CellValue.age(ago(3 * 86_400)).render(now: now) == "3d")
        #expect(CellValue.age(now.addingTimeInterval(60)).render(now: now) == "0s")
        #expect(CellValue.duration(125).render(now: now) == "2m05s")
        #expect(CellValue.running(since: ago(125)).render(now: now) == "2m05s…")
        #expect(CellValue.money(1234.5).render(now: now) == "$1,234.50")
        #expect(CellValue.percent(12.345).render(now: now) == "+12.3%")
        #expect(CellValue.percent(nil).render(now: now) == "-")
        #expect(CellValue.count(0).render(now: now) == "-")
        #expect(CellValue.count(42).render(now: now) == "42")
        #expect(CellValue.empty.render(now: now) == "")
    }

    @Test func sparklineCellIsAtMostTwelveWide() {
        let values = (1...30).map(Double.init)
        #expect(CellValue.sparkline(values).render(now: now).count == 12)
        #expect(CellValue.sparkline([1, 2, 3]).render(now: now) == "▁▅█")
        #expect(CellValue.sparkline([1, 2, 3]).render(now: now, ascii: true) == "_=#")
        #expect(CellValue.sparkline([]).render(now: now) == "")
    }

    @Test(
        arguments: [
            (0.0, "0s"), (59.9, "59s"), (60, "1m00s"), (61, "1m01s"), (3599, "59m59s"), (3600, "1h00m"),
            (3661, "1h01m"), (86_400 + 120, "24h02m"), (-5, "0s"),
        ] as [(TimeInterval, String)])
    func durations(seconds: TimeInterval, expected: String) {
        #expect(CellValue.formatDuration(seconds) == expected)
    }

    @Test(arguments: [
        (0.0, "$0.00"), (0.5, "$0.50"), (0.005, "$0.01"), (12, "$12.00"), (999.99, "$999.99"),
        (999.999, "$1,000.00"), (1000, "$1,000.00"), (12_345.678, "$12,345.68"), (100_000, "$100,000.00"),
        (1_234_567.891, "$1,234,567.89"), (-1234.5, "-$1,234.50"), (-0.5, "-$0.50"),
        (-1_000_000, "-$1,000,000.00"),
    ])
    func money(amount: Double, expected: String) {
        #expect(CellValue.formatMoney(amount) == expected)
    }

    /// Cost Explorer reports tiny negative amounts (credits rounding to nothing) such as
    /// -0.0000001; they should read as zero.
    @Test func tinyNegativeAmountsShowAsZero() {
        #expect(CellValue.formatMoney(-0.001) == "$0.00")
    }

    @Test(arguments: [
        (12.345, "+12.3%"), (0, "0.0%"), (-5, "-5.0%"), (150, "+150.0%"), (-100, "-100.0%"),
    ])
    func percent(value: Double, expected: String) {
        #expect(CellValue.formatPercent(value) == expected)
    }

    @Test func searchTextCoversWhatIsShownButNotTime() {
        #expect(CellValue.text("abc").searchText == "abc")
        #expect(CellValue.money(1500).searchText == "$1,500.00")
        #expect(CellValue.count(7).searchText == "7")
        #expect(CellValue.age(now).searchText == nil)
        #expect(CellValue.duration(5).searchText == nil)
        #expect(CellValue.running(since: now).searchText == nil)
        #expect(CellValue.percent(5).searchText == nil)
        #expect(CellValue.empty.searchText == nil)
    }

    @Test func agesSortYoungestFirst() {
        #expect(CellValue.age(ago(10)).sortKey < CellValue.age(ago(100)).sortKey)
        #expect(CellValue.running(since: ago(10)).sortKey < CellValue.running(since: ago(100)).sortKey)
    }

    @Test func numbersSortByValue() {
        #expect(CellValue.duration(5).sortKey < CellValue.duration(50).sortKey)
        #expect(CellValue.money(-10).sortKey < CellValue.money(2).sortKey)
        #expect(CellValue.count(2).sortKey < CellValue.count(10).sortKey)
        #expect(CellValue.percent(nil).sortKey < CellValue.percent(-1000).sortKey)
        #expect(CellValue.sparkline([9, 1]).sortKey < CellValue.sparkline([1, 2]).sortKey)
        #expect(CellValue.sparkline([]).sortKey == .number(0))
    }

    @Test func textSortsNaturallyAndAfterNumbers() {
        #expect(CellValue.text("item2").sortKey < CellValue.text("item10").sortKey)
        #expect(CellValue.text("alpha").sortKey < CellValue.text("Bravo").sortKey)
        #expect(CellValue.count(1_000_000).sortKey < CellValue.text("").sortKey)
        #expect(!(SortKey.text("a") < SortKey.number(1)))
        #expect(CellValue.empty.sortKey == .text(""))
    }
}
