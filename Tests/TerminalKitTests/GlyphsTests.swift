import TerminalKit
import Testing

@Suite struct GlyphsTests {
    private func allGlyphs(_ g: Glyphs) -> [String] {
        let borders = [g.light, g.heavy, g.double, g.rounded].flatMap { b in
            [
                b.horizontal, b.vertical, b.topLeft, b.topRight, b.bottomLeft, b.bottomRight, b.teeRight,
                b.teeLeft, b.teeDown, b.teeUp, b.cross,
            ]
        }
        return borders + g.sparkLevels + [
            g.treeCollapsed, g.treeExpanded, g.treeLeaf, g.sortAscending, g.sortDescending, g.scrollThumb,
            g.scrollTrack, g.tabSeparator, g.mask, g.selectionMarker,
        ]
    }

    @Test func asciiSetIsPrintableASCII() {
        for glyph in allGlyphs(.ascii) + [Glyphs.ascii.ellipsis] {
            #expect(glyph.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(glyph)")
        }
        #expect(!Glyphs.ascii.supportsBraille)
    }

    @Test func everyGlyphButTheEllipsisIsOneColumn() {
        for glyph in allGlyphs(.unicode) + allGlyphs(.ascii) {
            #expect(TextFit.width(of: glyph) == 1, "\(glyph)")
        }
        #expect(Glyphs.unicode.sparkLevels.count == 8)
        #expect(Glyphs.ascii.sparkLevels == ["_", ".", "-", "=", "#"])
    }

    @Test func treePrefix() {
        #expect(Glyphs.unicode.treePrefix(depth: 0, isExpanded: true) == "▾ ")
        #expect(Glyphs.unicode.treePrefix(depth: 2, isExpanded: false) == "    ▸ ")
        #expect(Glyphs.ascii.treePrefix(depth: 1, isExpanded: nil) == "  - ")
    }
}
