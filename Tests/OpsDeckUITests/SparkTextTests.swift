import Testing

@testable import OpsDeckUI

@Suite struct SparkTextTests {
    @Test func risingValuesUseEveryLevel() {
        #expect(SparkText.render([1, 2, 3, 4, 5, 6, 7, 8], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(SparkText.render([1, 2, 3, 4, 5, 6, 7, 8], width: 8, ascii: true) == "_.-~=+*#")
    }

    @Test func scaledBetweenMinAndMax() {
        #expect(SparkText.render([100, 200], width: 2) == "▁█")
        #expect(SparkText.render([-5, 5, 0], width: 3) == "▁█▅")
    }

    @Test func flatSeriesSitsInTheMiddle() {
        #expect(SparkText.render([5, 5, 5], width: 3) == "▅▅▅")
        #expect(SparkText.render([0], width: 4, ascii: true) == "=")
    }

    @Test func nothingToDraw() {
        #expect(SparkText.render([], width: 10) == "")
        #expect(SparkText.render([1, 2, 3], width: 0) == "")
        #expect(SparkText.render([1, 2, 3], width: -1) == "")
    }

    @Test func longSeriesAreAveragedIntoBuckets() {
        #expect(SparkText.resample([0, 0, 10, 10], to: 2) == [0, 10])
        #expect(SparkText.resample([1, 2, 3], to: 5) == [1, 2, 3])
        #expect(SparkText.render([0, 0, 10, 10], width: 2) == "▁█")
        let thirty = (0..<30).map(Double.init)
        #expect(SparkText.resample(thirty, to: 12).count == 12)
        #expect(SparkText.render(thirty, width: 12).count == 12)
        #expect(SparkText.render(thirty, width: 12).first == "▁")
        #expect(SparkText.render(thirty, width: 12).last == "█")
    }

    @Test(arguments: 1...40)
    func outputIsNeverWiderThanAsked(width: Int) {
        let values = (0..<37).map { Double(($0 * 7) % 11) }
        let line = SparkText.render(values, width: width)
        #expect(line.count == min(width, values.count))
    }
}
