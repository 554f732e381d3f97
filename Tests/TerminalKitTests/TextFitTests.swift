import TerminalKit
import Testing

@Suite struct TextFitTests {
    @Test(arguments: [
        ("hello world", 8, "hello w…"),
        ("hello", 5, "hello"),
        ("hello", 10, "hello"),
        ("hello", 0, ""),
        ("hello", 1, "…"),
        ("漢字漢字", 4, "漢…"),
        ("漢字漢字", 5, "漢字…"),
        ("a漢字", 3, "a…"),
        ("👍👍👍", 4, "👍…"),
    ])
    func truncateAtTheEnd(text: String, width: Int, expected: String) {
        let result = TextFit.truncate(text, to: width)
        #expect(result == expected)
        #expect(TextFit.width(of: result) <= width)
    }

    @Test func truncateAtTheStartAndMiddle() {
        #expect(TextFit.truncate("abcdefghij", to: 5, position: .start) == "…ghij")
        #expect(TextFit.truncate("abcdefghij", to: 5, position: .middle) == "ab…ij")
        #expect(TextFit.truncate("abcdefghij", to: 6, position: .middle) == "abc…ij")
        #expect(TextFit.truncate("漢字漢字", to: 5, position: .middle) == "漢…字")
    }

    @Test func asciiEllipsisIsDroppedWhenItCannotFit() {
        #expect(TextFit.truncate("hello", to: 4, ellipsis: "...") == "h...")
        #expect(TextFit.truncate("hello", to: 2, ellipsis: "...") == "he")
    }

    @Test func padAlignsByDisplayWidth() {
        #expect(TextFit.pad("ab", to: 5) == "ab   ")
        #expect(TextFit.pad("ab", to: 5, alignment: .right) == "   ab")
        #expect(TextFit.pad("ab", to: 5, alignment: .center) == " ab  ")
        #expect(TextFit.pad("漢", to: 4, alignment: .center) == " 漢 ")
        #expect(TextFit.pad("toolong", to: 3) == "toolong")
    }

    @Test func fitTruncatesAndPadsToExactWidth() {
        for text in ["", "a", "漢字漢字漢", "hello world", "a漢"] {
            for width in 1...8 {
                let fitted = TextFit.fit(text, width: width, alignment: .right)
                #expect(TextFit.width(of: fitted) == width, "\(text) in \(width)")
            }
        }
    }

    @Test func prefixAndSuffixNeverSplitAWideCharacter() {
        let head = TextFit.prefix("漢字", width: 3)
        #expect(head.text == "漢")
        #expect(head.width == 2)
        let tail = TextFit.suffix("a漢字", width: 3)
        #expect(tail.text == "字")
        #expect(tail.width == 2)
    }

    @Test func wrapBreaksAtSpacesAndInsideLongWords() {
        #expect(TextFit.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextFit.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.wrap("a\n\nb", width: 4) == ["a", "", "b"])
        #expect(TextFit.wrap("go 漢字漢字", width: 5) == ["go", "漢字", "漢字"])
        #expect(TextFit.wrap("anything", width: 0).isEmpty)
    }
}
