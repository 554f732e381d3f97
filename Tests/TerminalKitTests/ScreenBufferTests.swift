import TerminalKit
import Testing

@Suite struct ScreenBufferTests {
    @Test func writeClipsAtTheRightEdge() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 2))
        let written = buffer.write("abcdefg", x: 0, y: 0)
        #expect(written == 5)
        #expect(lines(buffer) == ["abcde", ""])
        #expect(buffer.write("x", x: 0, y: 2) == 0)
        #expect(buffer.write("x", x: 5, y: 0) == 0)
    }

    @Test func writeRespectsMaxWidth() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        #expect(buffer.write("abcdef", x: 2, y: 0, maxWidth: 3) == 3)
        #expect(buffer.text == "  abc")
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        #expect(buffer.write("漢字", x: 1, y: 0) == 4)
        #expect(buffer[1, 0].text == "漢")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].text == "字")
        #expect(buffer[4, 0].isContinuation)
        #expect(buffer.text == " 漢字")
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.fill(buffer.bounds, with: Cell("x"))
        #expect(buffer.write("a漢字", x: 0, y: 0) == 4)
        #expect(buffer[3, 0].text == " ")
        #expect(buffer.line(0) == "a漢 ")
    }

    @Test func wideCharacterCutByMaxWidthBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.fill(buffer.bounds, with: Cell("x"))
        buffer.write("漢字", x: 0, y: 0, maxWidth: 3)
        #expect(buffer.line(0) == "漢 xxx")
    }

    @Test func wideCharacterCutByTheLeftEdgeBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.fill(buffer.bounds, with: Cell("x"))
        buffer.write("漢字y", x: -1, y: 0)
        #expect(buffer.line(0) == " 字yxx")
        #expect(!buffer[0, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("漢字", x: 0, y: 0)
        buffer.write("a", x: 1, y: 0)
        #expect(buffer.line(0) == " a字  ")
        buffer.write("b", x: 2, y: 0)
        #expect(buffer.line(0) == " ab   ")
        #expect(buffer.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func fillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("漢字", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("-"))
        #expect(buffer.line(0) == " --   ")
        #expect(buffer.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func controlCharactersBecomeQuestionMarksAndCombiningMarksStay() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        buffer.write("a\tb\u{7}", x: 0, y: 0)
        buffer.write("e\u{301}x", x: 5, y: 0)
        #expect(buffer.text == "a?b? éx")
        #expect(buffer[5, 0].text == "e\u{301}")
    }

    @Test func writeStoresStyleAndRoleOnEveryCell() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        let style = Style(foreground: .red, attributes: .bold)
        buffer.write("ab漢", x: 1, y: 0, style: style, role: "alarm")
        for x in 1...4 {
            #expect(buffer[x, 0].style == style)
            #expect(buffer[x, 0].role == "alarm")
        }
        #expect(buffer[0, 0].role == nil)
        #expect(buffer[5, 0].role == nil)
    }

    @Test func fittedWriteAlignsAndPads() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 3))
        buffer.fill(buffer.bounds, with: Cell("x"))
        buffer.write("ab", x: 1, y: 0, width: 6, alignment: .right, paint: role("r"))
        buffer.write("ab", x: 1, y: 1, width: 6, alignment: .center, paint: role("c"))
        buffer.write("ab", x: 1, y: 2, width: 6, paint: role("l"))
        #expect(lines(buffer) == ["x    abx", "x  ab  x", "xab    x"])
        #expect(buffer.allCells(in: Rect(x: 1, y: 0, width: 6, height: 1), haveRole: "r"))
    }

    @Test func fittedWriteTruncatesWithAnEllipsisWithoutSplittingWideCharacters() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 3))
        buffer.write("abcdefgh", x: 0, y: 0, width: 5)
        buffer.write("漢字漢字", x: 0, y: 1, width: 5)
        buffer.write("漢字漢字", x: 0, y: 2, width: 6, ellipsis: "...")
        #expect(lines(buffer) == ["abcd…", "漢字…", "漢..."])
    }

    @Test func changedRowsAndRuns() {
        var before = ScreenBuffer(size: Size(width: 8, height: 3))
        before.write("hello", x: 0, y: 1)
        var after = before
        #expect(after.changedRows(since: before).isEmpty)
        #expect(after.changedRows(since: nil) == [0, 1, 2])
        after.write("XY", x: 1, y: 1)
        after.write("Z", x: 6, y: 1)
        #expect(after.changedRows(since: before) == [1])
        #expect(after.changedRuns(inRow: 1, since: before) == [1..<3, 6..<7])
        after[0, 2] = Cell(" ", style: Style(attributes: .reverse))
        #expect(after.changedRows(since: before) == [1, 2])
        let other = ScreenBuffer(size: Size(width: 4, height: 2))
        #expect(after.changedRows(since: other) == [0, 1, 2])
    }

    @Test func snapshotListsTextThenRoleRuns() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        buffer.write("Hi", x: 0, y: 0, paint: role("title"))
        buffer.write("abc", x: 2, y: 2, paint: role("text"))
        buffer.write("!", x: 5, y: 2, paint: role("alarm"))
        #expect(buffer.snapshot() == "Hi\n\n  abc!\n")
        #expect(
            buffer.snapshot(roles: true) == """
                Hi

                  abc!
                --- roles ---
                0: 0-1 title
                2: 2-4 text, 5 alarm

                """
        )
    }
}
