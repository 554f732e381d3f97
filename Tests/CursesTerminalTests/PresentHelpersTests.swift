import TerminalKit
import Testing

@testable import CursesTerminal

@Suite("Present helpers")
struct PresentHelpersTests {
    @Test("A changed run that starts on the right half of a wide character starts at the character")
    func widenedAtContinuation() {
        var previous = ScreenBuffer(size: Size(width: 10, height: 1))
        previous.write("ab漢cd", x: 0, y: 0)
        var buffer = previous
        buffer.write("漢", x: 2, y: 0, style: Style(attributes: .bold))
        let runs = buffer.changedRuns(inRow: 0, since: previous)
        #expect(runs == [2..<4])
        // A run reported from column 3 (a continuation) must be redrawn from column 2.
        #expect(CursesTerminal.widened([3..<4], row: 0, buffer, previous) == [2..<4])
    }

    @Test("A run where a wide character used to be starts at its left half")
    func widenedAtPreviousContinuation() {
        var previous = ScreenBuffer(size: Size(width: 6, height: 1))
        previous.write("a漢b", x: 0, y: 0)
        var buffer = previous
        buffer[2, 0] = Cell("x")
        let runs = buffer.changedRuns(inRow: 0, since: previous)
        #expect(runs == [2..<3])
        #expect(CursesTerminal.widened(runs, row: 0, buffer, previous) == [1..<3])
    }

    @Test("Runs on ordinary cells are left alone")
    func widenedPlain() {
        var previous = ScreenBuffer(size: Size(width: 6, height: 1))
        previous.write("abcdef", x: 0, y: 0)
        var buffer = previous
        buffer.write("XY", x: 2, y: 0)
        let runs = buffer.changedRuns(inRow: 0, since: previous)
        #expect(CursesTerminal.widened(runs, row: 0, buffer, previous) == [2..<4])
        #expect(CursesTerminal.widened([0..<1], row: 0, buffer, previous) == [0..<1])
    }

    @Test("Terminfo delay markers are dropped from the crash reset sequence")
    func padding() {
        let bytes = Array("\u{1B}[m$<2>\u{1B}[?25h$<5/*>x".utf8)
        #expect(CursesTerminal.withoutPadding(bytes) == Array("\u{1B}[m\u{1B}[?25hx".utf8))
        #expect(CursesTerminal.withoutPadding(Array("cost $5".utf8)) == Array("cost $5".utf8))
    }

    @Test("Errors tell the user what to do")
    func errors() {
        #expect(CursesTerminalError.notATerminal.description.contains("terminal"))
        #expect(CursesTerminalError.unknownTerminalType("vt9000").description.contains("TERM=vt9000"))
        #expect(CursesTerminalError.unknownTerminalType(nil).description.contains("TERM is not set"))
    }
}
