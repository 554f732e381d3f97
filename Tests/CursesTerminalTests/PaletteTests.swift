import CNCursesw
import TerminalKit
import Testing

@testable import CursesTerminal

/// Records the pairs a palette defines instead of calling curses.
final class PairRecorder {
    var calls: [[Int32]] = []
    var fail = false

    func palette(
        depth: ColorDepth = .full, defaultColors: Bool = true, directColor: Bool = false,
        pairLimit: Int32 = 256
    ) -> CursesPalette {
        CursesPalette(
            depth: depth, defaultColors: defaultColors, directColor: directColor, pairLimit: pairLimit
        ) {
            self.calls.append([$0, $1, $2])
            return !self.fail
        }
    }
}

@Suite("Styles to curses attributes and colour pairs")
struct PaletteTests {
    @Test("A colour combination is defined once and reused")
    func pairsCached() {
        let recorder = PairRecorder()
        var palette = recorder.palette()
        let red = Style(foreground: .red)
        let first = palette.rendition(for: red)
        let again = palette.rendition(for: red.with(attributes: .bold))
        let blue = palette.rendition(for: Style(foreground: .blue, background: .indexed(236)))
        #expect(first.pair == 1)
        #expect(again.pair == 1)
        #expect(blue.pair == 2)
        #expect(recorder.calls == [[1, 1, -1], [2, 4, 236]])
    }

    @Test("The terminal's own colours are pair 0, with no pair defined")
    func defaultPair() {
        let recorder = PairRecorder()
        var palette = recorder.palette()
        #expect(palette.rendition(for: .plain).pair == 0)
        #expect(palette.rendition(for: Style(attributes: .reverse)).pair == 0)
        #expect(recorder.calls.isEmpty)
    }

    @Test("Without use_default_colors the default is white on black")
    func noDefaultColors() {
        let recorder = PairRecorder()
        var palette = recorder.palette(defaultColors: false)
        _ = palette.rendition(for: Style(foreground: .red))
        #expect(recorder.calls == [[1, 1, 0]])
        #expect(palette.colorNumber(.default, isForeground: true) == 7)
    }

    @Test("When pairs run out, new combinations fall back to pair 0 and keep attributes")
    func exhausted() {
        let recorder = PairRecorder()
        var palette = recorder.palette(pairLimit: 3)
        #expect(palette.rendition(for: Style(foreground: .red)).pair == 1)
        #expect(palette.rendition(for: Style(foreground: .green)).pair == 2)
        let third = palette.rendition(for: Style(foreground: .blue, attributes: .underline))
        #expect(third.pair == 0)
        #expect(third.attributes == opsdeck_a_underline())
        #expect(palette.rendition(for: Style(foreground: .red)).pair == 1)
        #expect(recorder.calls.count == 2)
    }

    @Test("A failed init_pair leaves the number for the next combination")
    func initFailure() {
        let recorder = PairRecorder()
        var palette = recorder.palette()
        recorder.fail = true
        #expect(palette.rendition(for: Style(foreground: .red)).pair == 0)
        recorder.fail = false
        #expect(palette.rendition(for: Style(foreground: .green)).pair == 1)
    }

    @Test("No colour: attributes only, no pairs")
    func noColor() {
        let recorder = PairRecorder()
        var palette = recorder.palette(depth: .none)
        let rendition = palette.rendition(for: Style(foreground: .red, background: .blue, attributes: .bold))
        #expect(rendition.pair == 0)
        #expect(rendition.attributes == opsdeck_a_bold())
        #expect(recorder.calls.isEmpty)
    }

    @Test("Eight colours: 256-colour entries are reduced, bright foregrounds become bold")
    func eightColors() {
        let recorder = PairRecorder()
        var palette = recorder.palette(depth: .eight)
        let rendition = palette.rendition(for: Style(foreground: .indexed(196), background: .indexed(19)))
        #expect(recorder.calls == [[1, 1, 4]])
        #expect(rendition.attributes == opsdeck_a_bold())
        let normal = palette.rendition(for: Style(foreground: .red))
        #expect(normal.attributes == opsdeck_a_normal())
    }

    @Test("Direct colour: entries past 7 are sent as 24-bit values")
    func directColor() {
        let recorder = PairRecorder()
        var palette = recorder.palette(directColor: true, pairLimit: 0x1_0000)
        _ = palette.rendition(for: Style(foreground: .indexed(196), background: .yellow))
        #expect(recorder.calls == [[1, 0xFF0000, 3]])
    }

    @Test("Each text attribute maps to its curses attribute")
    func attributes() {
        let cases: [(TextAttributes, attr_t)] = [
            (.bold, opsdeck_a_bold()), (.dim, opsdeck_a_dim()), (.reverse, opsdeck_a_reverse()),
            (.underline, opsdeck_a_underline()), (.italic, opsdeck_a_italic()), (.blink, opsdeck_a_blink()),
        ]
        for (attribute, expected) in cases {
            #expect(CursesPalette.attributes(attribute) == expected)
            #expect(expected != opsdeck_a_normal())
        }
        let all = CursesPalette.attributes([.bold, .underline, .reverse])
        #expect(all == opsdeck_a_bold() | opsdeck_a_underline() | opsdeck_a_reverse())
    }
}
