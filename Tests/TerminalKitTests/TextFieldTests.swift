import TerminalKit
import Testing

@Suite struct TextFieldTests {
    private func typed(_ text: String) -> TextField {
        var field = TextField()
        for c in text { _ = field.apply(.character(c)) }
        return field
    }

    @Test func typingAndCursorMoves() {
        var handled = false
        var field = typed("helo")
        #expect(field.text == "helo")
        #expect(field.cursor == 4)
        handled = field.apply(.left)
        #expect(handled)
        handled = field.apply(.character("l"))
        #expect(handled)
        #expect(field.text == "hello")
        #expect(field.cursor == 4)
        handled = field.apply(.home)
        #expect(handled)
        #expect(field.cursor == 0)
        handled = field.apply(.left)
        #expect(handled)
        #expect(field.cursor == 0)
        handled = field.apply(.end)
        #expect(handled)
        #expect(field.cursor == 5)
        handled = field.apply(.right)
        #expect(handled)
        #expect(field.cursor == 5)
        handled = field.apply(.control("a"))
        #expect(handled)
        #expect(field.cursor == 0)
        handled = field.apply(.control("e"))
        #expect(handled)
        #expect(field.cursor == 5)
    }

    @Test func backspaceAndDelete() {
        var handled = false
        var field = typed("abc")
        handled = field.apply(.backspace)
        #expect(handled)
        #expect(field.text == "ab")
        field.moveToStart()
        handled = field.apply(.backspace)
        #expect(handled)
        #expect(field.text == "ab")
        handled = field.apply(.delete)
        #expect(handled)
        #expect(field.text == "b")
        #expect(field.cursor == 0)
        field.moveToEnd()
        handled = field.apply(.delete)
        #expect(handled)
        #expect(field.text == "b")
    }

    @Test func controlWDeletesTheWordBeforeTheCursor() {
        var handled = false
        var field = typed("hello big world")
        handled = field.apply(.control("w"))
        #expect(handled)
        #expect(field.text == "hello big ")
        handled = field.apply(.control("w"))
        #expect(handled)
        #expect(field.text == "hello ")
        field.moveLeft()
        field.moveLeft()
        _ = field.apply(.control("w"))
        #expect(field.text == "o ")
        #expect(field.cursor == 0)
        handled = field.apply(.control("w"))
        #expect(handled)
        #expect(field.text == "o ")
    }

    @Test func controlUClearsAndControlKCutsToTheEnd() {
        var handled = false
        var field = typed("account-name")
        field.moveLeft()
        field.moveLeft()
        handled = field.apply(.control("u"))
        #expect(handled)
        #expect(field.text.isEmpty)
        #expect(field.cursor == 0)
        field = typed("account-name")
        field.moveToStart()
        field.moveRight()
        handled = field.apply(.control("k"))
        #expect(handled)
        #expect(field.text == "a")
    }

    @Test func keysTheFieldDoesNotHandle() {
        var handled = false
        var field = typed("x")
        for key: Key in [.enter, .escape, .up, .down, .tab, .pageDown, .control("c"), .function(1)] {
            handled = field.apply(key)
            #expect(!handled, "\(key.name)")
        }
        handled = field.apply(.character("\u{7}"))
        #expect(!handled)
        #expect(field.text == "x")
    }

    @Test func pasteDropsControlCharactersAndWideCharactersEdit() {
        var field = TextField()
        field.insert("a\tb漢")
        #expect(field.text == "ab漢")
        _ = field.apply(.backspace)
        #expect(field.text == "ab")
        field.text = "reset"
        #expect(field.cursor == 5)
    }

    @Test func drawsWithCursorAndScrollsToKeepItInView() {
        let field = typed("abcdefghij")
        let buffer = render(5, 1) {
            field.draw(
                into: &$0, area: $0.bounds, glyphs: .unicode, paint: role("filter"),
                cursorPaint: role("cursor"))
        }
        #expect(buffer.text == "ghij")
        #expect(buffer[4, 0].role == "cursor")
        var start = field
        start.moveToStart()
        let atStart = render(5, 1) {
            start.draw(into: &$0, area: $0.bounds, glyphs: .unicode, cursorPaint: role("cursor"))
        }
        #expect(atStart.text == "abcde")
        #expect(atStart[0, 0].role == "cursor")
        #expect(atStart[0, 0].text == "a")
    }

    @Test func maskedRenderingHidesTheText() {
        let secret = TextField(text: "hunter2", masked: true)
        let ascii = render(10, 1) { secret.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(ascii.text == "*******")
        let unicode = render(10, 1) { secret.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(unicode.text == "•••••••")
        #expect(secret.text == "hunter2")
    }

    @Test func placeholderWhenEmpty() {
        let empty = TextField()
        let buffer = render(12, 1) {
            empty.draw(
                into: &$0, area: $0.bounds, glyphs: .unicode, placeholder: "filter…",
                placeholderPaint: role("muted"))
        }
        #expect(buffer.text == " filter…")
        #expect(buffer[1, 0].role == "muted")
    }
}
