import TerminalKit
import Testing

@Suite struct FrameTests {
    @Test func titleAndLabelOnTheTopEdge() {
        var inner = Rect(x: 0, y: 0, width: 0, height: 0)
        let buffer = render(30, 4) { buffer in
            let frame = Frame(
                title: "Accounts", label: "as of 4m", borderPaint: role("border"), titlePaint: role("title"),
                labelPaint: role("stale")
            )
            inner = frame.draw(into: &buffer, area: buffer.bounds, glyphs: .unicode)
        }
        #expect(
            lines(buffer) == [
                "┌─ Accounts ────── as of 4m ─┐",
                "│                            │",
                "│                            │",
                "└────────────────────────────┘",
            ]
        )
        #expect(inner == Rect(x: 1, y: 1, width: 28, height: 2))
        #expect(buffer.roleRuns(inRow: 0).map(\.role) == ["border", "title", "border", "stale", "border"])
        #expect(buffer.roleRuns(inRow: 0)[1].columns == 2..<12)
    }

    @Test func narrowFrameTruncatesTheTitleThenDropsTheLabel() {
        let frame = Frame(title: "Accounts", label: "as of 4m")
        let medium = render(24, 2) { frame.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(medium)[0] == "┌─ Accoun… ─ as of 4m ─┐")
        let narrow = render(20, 2) { frame.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(narrow)[0] == "┌─ Accounts ───────┐")
        let tiny = render(8, 2) { frame.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(tiny)[0] == "┌─ A… ─┐")
    }

    @Test func heavyAndDoubleVariantsInBothGlyphSets() {
        let heavy = Frame(title: "Roles", borderStyle: .heavy)
        let heavyUnicode = render(12, 3) { heavy.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(
            lines(heavyUnicode) == [
                "┏━ Roles ━━┓",
                "┃          ┃",
                "┗━━━━━━━━━━┛",
            ])
        let heavyASCII = render(12, 3) { heavy.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(
            lines(heavyASCII) == [
                "+= Roles ==+",
                "|          |",
                "+==========+",
            ])
        let prod = Frame(title: "prod", borderStyle: .double)
        let prodASCII = render(10, 2) { prod.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(
            lines(prodASCII) == [
                "#= prod =#",
                "#========#",
            ])
        let prodUnicode = render(10, 2) { prod.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(prodUnicode)[0] == "╔═ prod ═╗")
    }

    @Test func fillClearsTheInteriorAndTooSmallDrawsNothing() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 4), fill: Cell("x"))
        Frame(fill: role("dialog")).draw(into: &buffer, area: buffer.bounds, glyphs: .ascii)
        #expect(lines(buffer) == ["+----+", "|    |", "|    |", "+----+"])
        #expect(buffer.allCells(in: Rect(x: 1, y: 1, width: 4, height: 2), haveRole: "dialog"))
        var small = ScreenBuffer(size: Size(width: 6, height: 4))
        let inner = Frame().draw(into: &small, area: Rect(x: 0, y: 0, width: 1, height: 4), glyphs: .ascii)
        #expect(inner.isEmpty)
        #expect(small.text == "\n\n\n")
    }
}
