import TerminalKit
import Testing

@testable import OpsDeckConfig

@Suite struct ThemeColorTests {
    @Test(arguments: [
        ("default", Color.default), ("black", .black), ("red", .red), ("white", .white),
        ("bright-black", .brightBlack), ("bright_red", .brightRed), ("Bright-White", .brightWhite),
        ("grey", .brightBlack), ("magenta", .magenta), ("bright-cyan", .brightCyan),
    ])
    func names(text: String, expected: Color) throws {
        #expect(try ThemeColor.parse(text) == expected)
    }

    @Test func integersAndNumericStrings() throws {
        #expect(try ThemeColor.index(0) == .indexed(0))
        #expect(try ThemeColor.index(255) == .indexed(255))
        #expect(try ThemeColor.parse("196") == .indexed(196))
        #expect(throws: ThemeColor.Problem.outOfRange(256)) { try ThemeColor.index(256) }
        #expect(throws: ThemeColor.Problem.outOfRange(-1)) { try ThemeColor.parse("-1") }
    }

    @Test(arguments: [
        ("#000000", UInt8(16)), ("#ffffff", 231), ("#ff0000", 196), ("#00ff00", 46), ("#0000ff", 21),
        ("#5f87af", 67), ("#808080", 244), ("#FF8700", 208), ("#f00", 196), ("#fe0101", 196),
        ("#7f7f7f", 244), ("#0a0a0a", 232), ("#d70001", 160),
    ])
    func hexMapsToNearestXtermIndex(text: String, index: UInt8) throws {
        #expect(try ThemeColor.parse(text) == .indexed(index))
    }

    @Test func everyCubeAndGreyEntryMapsToItself() {
        for index in UInt8(16)...UInt8(255) {
            guard let rgb = XtermPalette.rgb(of: index) else {
                Issue.record("no RGB for \(index)")
                continue
            }
            let found = XtermPalette.nearestIndex(red: rgb.red, green: rgb.green, blue: rgb.blue)
            let foundRGB = XtermPalette.rgb(of: found)
            // 16/231 and the cube's greys duplicate some grey-ramp values; equal RGB is fine.
            #expect(foundRGB?.red == rgb.red && foundRGB?.green == rgb.green && foundRGB?.blue == rgb.blue)
        }
    }

    @Test func badHex() {
        #expect(throws: ThemeColor.Problem.badHex("#12345")) { try ThemeColor.parse("#12345") }
        #expect(throws: ThemeColor.Problem.badHex("#gg0000")) { try ThemeColor.parse("#gg0000") }
    }

    @Test func paletteReferences() throws {
        let palette: [String: Color] = ["accent": .indexed(75), "Warn": .indexed(214)]
        #expect(try ThemeColor.parse("accent", palette: palette) == .indexed(75))
        #expect(try ThemeColor.parse("Warn", palette: palette) == .indexed(214))
        // Built-in names are not shadowed by a palette.
        #expect(try ThemeColor.parse("red", palette: ["red": .indexed(200)]) == .red)
    }

    @Test func unknownNameSuggestsTheClosest() {
        #expect(throws: ThemeColor.Problem.unknownName("rde", suggestion: "red")) {
            try ThemeColor.parse("rde")
        }
        #expect(throws: ThemeColor.Problem.unknownName("acent", suggestion: "accent")) {
            try ThemeColor.parse("acent", palette: ["accent": .indexed(75)])
        }
        let problem = ThemeColor.Problem.unknownName("rde", suggestion: "red")
        #expect(problem.message.contains("did you mean \"red\""))
    }
}
