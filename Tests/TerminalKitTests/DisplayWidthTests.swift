import TerminalKit
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3),
        ("", 0),
        ("漢字", 4),
        ("한국", 4),
        ("Ａ", 2),
        ("👍", 2),
        ("🇺🇸", 2),
        ("👨‍👩‍👧", 2),
        ("❤️", 2),
        ("e\u{301}", 1),
        ("a\u{200B}b", 2),
        ("─│┌┐└┘├┤┬┴", 10),
        ("▁▂▃█", 4),
        ("…", 1),
        ("ⓘ", 1),
    ])
    func widthOfStrings(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func controlCharactersTakeNoColumnsButOneWhenWritten() {
        #expect(DisplayWidth.of(Character("\t")) == 0)
        #expect(DisplayWidth.columns(Character("\t")) == 1)
        #expect(DisplayWidth.columns(Character("\u{85}")) == 1)
        #expect(DisplayWidth.columns(Character("漢")) == 2)
        #expect(TextFit.width(of: "a\tb") == 3)
    }
}
