import TerminalKit
import Testing

@Suite struct KeyTests {
    static let keys: [Key] =
        [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
            .backspace, .delete, .insert,
        ]
        + "abcxyzABCXYZ0129/?:!-+ ~.,漢".map { Key.character($0) }
        + "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
        + (1...24).map { Key.function($0) }

    @Test(arguments: keys)
    func nameRoundTrips(key: Key) {
        #expect(Key(name: key.name) == key, "\(key.name)")
    }

    @Test func namesUsedInTheConfig() {
        #expect(Key.character(" ").name == "space")
        #expect(Key.control("r").name == "ctrl-r")
        #expect(Key.backTab.name == "shift-tab")
        #expect(Key.pageDown.name == "pgdn")
        #expect(Key(name: "PageDown") == .pageDown)
        #expect(Key(name: "Ctrl-R") == .control("r"))
        #expect(Key(name: "return") == .enter)
        #expect(Key(name: "F12") == .function(12))
        #expect(Key(name: "G") == .character("G"))
    }

    @Test(arguments: ["", "ctrl-", "ctrl-1", "hello", "f25", "f0"])
    func invalidNames(name: String) {
        #expect(Key(name: name) == nil)
    }
}
