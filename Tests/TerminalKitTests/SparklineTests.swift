import TerminalKit
import Testing

@Suite struct SparklineTests {
    private func line(
        _ values: [Double], width: Int, glyphs: Glyphs = .unicode, braille: Bool = false,
        resampling: Sparkline.Resampling = .latest
    ) -> String {
        Sparkline.render(
            values: values, width: width, glyphs: glyphs, braille: braille, resampling: resampling
        )
        .first?.joined() ?? ""
    }

    @Test func blocksScaleFromMinToMax() {
        #expect(line([0, 1, 2, 3, 4, 5, 6, 7], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(line([10, 20, 30], width: 3) == "▁▅█")
    }

    @Test func asciiLevels() {
        #expect(line([0, 2, 4], width: 3, glyphs: .ascii) == "_-#")
        #expect(line([0, 1, 2, 3, 4], width: 5, glyphs: .ascii) == "_.-=#")
    }

    @Test func moreValuesThanColumns() {
        let values = (1...10).map(Double.init)
        #expect(line(values, width: 4) == "▁▃▆█")
        #expect(line([0, 0, 10, 10], width: 2, resampling: .average) == "▁█")
        #expect(line([0, 5, 0, 0], width: 2, resampling: .maximum) == "█▁")
        #expect(Sparkline.resample([1, 2, 3, 4, 5, 6], to: 3, mode: .average) == [1.5, 3.5, 5.5])
    }

    @Test func flatDataAndGaps() {
        #expect(line([0, 0, 0], width: 3) == "▁▁▁")
        #expect(line([7, 7], width: 2) == "▄▄")
        #expect(line([0, .nan, 1], width: 3) == "▁ █")
        #expect(line([], width: 3) == "")
    }

    @Test func tallerAreasStackBlocks() {
        let rows = Sparkline.render(values: [0, 15, 8], width: 3, height: 2, glyphs: .unicode)
        #expect(rows.map { $0.joined() } == [" █▁", "▁██"])
    }

    @Test func brailleTwoValuesPerCell() {
        #expect(line([0, 1, 2, 3], width: 2, braille: true) == "⣠⣾")
        #expect(line([0, 1, 2], width: 2, braille: true) == "⣰⡇")
        #expect(line([0, 1, 2, 3], width: 4, glyphs: .ascii, braille: true) == "_.=#")
    }

    @Test func drawAlignsAndPaints() {
        let spark = Sparkline(values: [0, 1, 2], alignment: .right, paint: role("sparkline"))
        let buffer = render(5, 1) { spark.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(buffer.text == "  ▁▅█")
        #expect(buffer.allCells(in: buffer.bounds, haveRole: "sparkline"))
        let explicit = Sparkline(values: [5], minimum: 0, maximum: 10)
        let half = render(1, 1) { explicit.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(half.text == "▅")
    }
}
