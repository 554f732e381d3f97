import TerminalKit
import Testing

@Suite struct ColorMapperTests {
    @Test(arguments: [
        (UInt8(3), UInt8(3)),
        (196, 9),
        (21, 4),
        (46, 10),
        (226, 11),
        (231, 15),
        (16, 0),
        (232, 0),
        (244, 8),
        (250, 7),
        (208, 3),
        (39, 6),
        (201, 13),
    ])
    func sixteenColours(index: UInt8, expected: UInt8) {
        #expect(ColorMapper.map(.indexed(index), to: .sixteen) == .indexed(expected))
    }

    @Test(arguments: [
        (UInt8(5), UInt8(5), false),
        (9, 1, true),
        (15, 7, true),
        (8, 0, true),
        (196, 1, true),
        (244, 0, true),
        (250, 7, false),
        (21, 4, false),
        (208, 3, false),
    ])
    func eightColours(index: UInt8, expected: UInt8, bold: Bool) {
        #expect(
            ColorMapper.mapDetailed(.indexed(index), to: .eight)
                == .init(color: .indexed(expected), bold: bold))
    }

    @Test func fullAndNone() {
        #expect(ColorMapper.map(.indexed(123), to: .full) == .indexed(123))
        #expect(ColorMapper.map(.indexed(1), to: .none) == .default)
        for depth in ColorDepth.allCases {
            #expect(ColorMapper.map(.default, to: depth) == .default)
        }
    }

    @Test func styleMappingAddsBoldForFoldedBrightForegrounds() {
        let style = Style(foreground: .brightRed, background: .brightBlue, attributes: .underline)
        let mapped = ColorMapper.map(style, to: .eight)
        #expect(mapped == Style(foreground: .red, background: .blue, attributes: [.underline, .bold]))
        let none = ColorMapper.map(style, to: .none)
        #expect(none == Style(attributes: .underline))
        #expect(ColorMapper.map(style, to: .full) == style)
    }

    @Test func xtermPalette() {
        #expect(ColorMapper.rgb(16) == (0, 0, 0))
        #expect(ColorMapper.rgb(67) == (95, 135, 175))
        #expect(ColorMapper.rgb(231) == (255, 255, 255))
        #expect(ColorMapper.rgb(232) == (8, 8, 8))
        #expect(ColorMapper.rgb(255) == (238, 238, 238))
        #expect(ColorMapper.rgb(12) == (92, 92, 255))
    }
}
