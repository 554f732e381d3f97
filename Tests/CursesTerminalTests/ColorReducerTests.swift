import TerminalKit
import Testing

@testable import CursesTerminal

@Suite("Mapping palette colours down")
struct ColorReducerTests {
    @Test("The 16 ANSI colours stay themselves at 16 and 256 colours")
    func ansiUnchanged() {
        for index in UInt8(0)..<16 {
            #expect(CursesColorReducer.reduce(index, to: .sixteen) == Int(index))
            #expect(CursesColorReducer.reduce(index, to: .full) == Int(index))
        }
    }

    @Test("Bright colours become their normal colour at 8 colours")
    func brightToNormal() {
        #expect(CursesColorReducer.reduce(9, to: .eight) == 1)
        #expect(CursesColorReducer.reduce(15, to: .eight) == 7)
        #expect(CursesColorReducer.reduce(8, to: .eight) == 0)
        #expect(CursesColorReducer.reduce(3, to: .eight) == 3)
    }

    @Test(
        "Cube and grey entries go to the nearest ANSI colour",
        arguments: [
            (UInt8(16), 0),  // black
            (196, 9),  // pure red
            (46, 10),  // pure green
            (21, 4),  // pure blue: xterm's blue is (0,0,238), its bright blue is lighter
            (105, 12),  // light blue (135,135,255)
            (231, 15),  // white
            (226, 11),  // pure yellow
            (232, 0),  // darkest grey
            (244, 8),  // mid grey
            (252, 7),  // light grey
            (255, 7),  // near white (238) is nearer xterm's white (229) than bright white
        ])
    func nearest(index: UInt8, ansi: Int) {
        #expect(CursesColorReducer.reduce(index, to: .sixteen) == ansi)
    }

    @Test("No colours: nothing to map to")
    func none() {
        #expect(CursesColorReducer.reduce(196, to: .none) == nil)
        #expect(CursesColorReducer.reduce(1, to: .none) == nil)
    }

    @Test("xterm's palette values")
    func rgb() {
        #expect(CursesColorReducer.rgbValue(196) == 0xFF0000)
        #expect(CursesColorReducer.rgbValue(16) == 0x000000)
        #expect(CursesColorReducer.rgbValue(67) == 0x5F87AF)
        #expect(CursesColorReducer.rgbValue(232) == 0x080808)
        #expect(CursesColorReducer.rgbValue(255) == 0xEEEEEE)
        #expect(CursesColorReducer.rgbValue(12) == 0x5C5CFF)
    }
}
