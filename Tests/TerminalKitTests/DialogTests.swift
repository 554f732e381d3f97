import TerminalKit
import Testing

@Suite struct DialogTests {
    private let dialog = Dialog(
        title: "Assume role", body: ["Assume admin in prod?"], field: TextField(text: "123"),
        fieldLabel: "MFA: ",
        hint: "Enter ok  Esc cancel", borderPaint: role("dialog"), cursorPaint: role("cursor")
    )

    @Test func centredWithBodyFieldAndHint() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 10), fill: Cell("."))
        let result = dialog.draw(into: &buffer, area: buffer.bounds, glyphs: .unicode)
        #expect(
            lines(buffer) == [
                "........................................",
                ".....┌─ Assume role ──────────────┐.....",
                ".....│ Assume admin in prod?      │.....",
                ".....│                            │.....",
                ".....│ MFA: 123                   │.....",
                ".....│                            │.....",
                ".....│    Enter ok  Esc cancel    │.....",
                ".....└────────────────────────────┘.....",
                "........................................",
                "........................................",
            ]
        )
        #expect(result.frame == Rect(x: 5, y: 1, width: 30, height: 7))
        #expect(result.field == Rect(x: 12, y: 4, width: 21, height: 1))
        #expect(buffer[15, 4].role == "cursor")
        #expect(buffer[14, 4].role == "dialog")
    }

    @Test func shrinksOnSmallScreens() {
        let short = render(30, 5) { dialog.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(
            lines(short) == [
                "+- Assume role --------------+",
                "| Assume admin in prod?      |",
                "| MFA: 123                   |",
                "|    Enter ok  Esc cancel    |",
                "+----------------------------+",
            ]
        )
        let tiny = render(30, 4) { dialog.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(lines(tiny)[1].contains("Assume admin"))
        #expect(lines(tiny)[2].contains("MFA: 123"))
        #expect(!tiny.text.contains("Enter ok"))
        let narrow = render(16, 8) { dialog.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(narrow).allSatisfy { TextFit.width(of: $0) <= 16 })
        #expect(lines(narrow)[0] == "┌─ Assume ro… ─┐")
        #expect(lines(narrow)[2] == "│ in prod?     │")
    }

    @Test func bodyWrapsToTheDialogWidth() {
        let long = Dialog(
            title: "Note", body: ["one two three four five six seven eight nine ten"], maxWidth: 24)
        let buffer = render(40, 8) { long.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(
            Array(lines(buffer)[1...5]) == [
                "        +- Note ---------------+",
                "        | one two three four   |",
                "        | five six seven eight |",
                "        | nine ten             |",
                "        +----------------------+",
            ]
        )
    }
}
