import TerminalKit
import Testing

@testable import OpsDeckUI

@Suite struct KeymapTests {
    @Test(arguments: [
        (Key.character("q"), KeyAction.quit), (.control("c"), .quit), (.character("?"), .help),
        (.tab, .nextPane), (.backTab, .previousPane), (.character("1"), .pane1), (.character("5"), .pane5),
        (.character("z"), .zoom), (.character("j"), .down), (.down, .down), (.character("k"), .up),
        (.up, .up),
        (.pageDown, .pageDown), (.control("f"), .pageDown), (.pageUp, .pageUp), (.control("b"), .pageUp),
        (.character("g"), .top), (.home, .top), (.character("G"), .bottom), (.end, .bottom), (.enter, .open),
        (.escape, .back), (.character("/"), .filter), (.character(":"), .command),
        (.character("s"), .sortNext),
        (.character("S"), .sortReverse), (.character(" "), .toggleNode), (.character("v"), .toggleView),
        (.character("r"), .refresh), (.control("l"), .redraw), (.control("z"), .suspend),
    ])
    func defaults(key: Key, action: KeyAction) {
        #expect(Keymap.defaults.action(for: key) == action)
    }

    @Test func everyActionHasADefaultKey() {
        for action in KeyAction.allCases {
            #expect(!Keymap.defaults.keys(for: action).isEmpty, "\(action.rawValue)")
        }
    }

    @Test func unboundKeysDoNothing() {
        #expect(Keymap.defaults.action(for: .character("x")) == nil)
        #expect(Keymap.defaults.action(for: .function(1)) == nil)
        #expect(Keymap.defaults.action(for: .control("r")) == nil)
    }

    @Test func ctrlChordsOnlyQuitScrollRedrawOrSuspend() {
        let allowed: Set<KeyAction> = [.quit, .pageDown, .pageUp, .redraw, .suspend]
        for (key, action) in Keymap.defaults.bindings {
            if case .control = key { #expect(allowed.contains(action), "\(key.name) -> \(action.rawValue)") }
        }
    }

    @Test func keysForAnActionListPlainKeysThenNamedKeysThenCtrlChords() {
        #expect(Keymap.defaults.keys(for: .down).map(\.name) == ["j", "down"])
        #expect(Keymap.defaults.keys(for: .quit).map(\.name) == ["q", "ctrl-c"])
        #expect(Keymap.defaults.keys(for: .bottom).map(\.name) == ["G", "end"])
        #expect(Keymap.defaults.keys(for: .pageDown).map(\.name) == ["pgdn", "ctrl-f"])
        #expect(Keymap.defaults.keys(for: .toggleNode).map(\.name) == ["space"])
        var keymap = Keymap.defaults
        keymap.rebind(.zoom, to: [.control("x"), .function(3), .character("z"), .character("Z"), .home])
        #expect(keymap.keys(for: .zoom).map(\.name) == ["Z", "z", "f3", "home", "ctrl-x"])
    }

    @Test func rebindReplacesTheActionsKeys() {
        var keymap = Keymap.defaults
        keymap.rebind(.zoom, to: [.character("f"), .function(5)])
        #expect(keymap.keys(for: .zoom) == [.character("f"), .function(5)])
        #expect(keymap.action(for: .character("z")) == nil)
    }

    @Test func rebindTakesTheKeyFromAnotherActionWhichKeepsItsOthers() {
        var keymap = Keymap.defaults
        keymap.rebind(.down, to: [.character("k")])
        #expect(keymap.action(for: .character("k")) == .down)
        #expect(keymap.keys(for: .down) == [.character("k")])
        #expect(keymap.action(for: .character("j")) == nil)
        #expect(keymap.action(for: .down) == nil)
        #expect(keymap.keys(for: .up) == [.up])
    }

    @Test func rebindToNothingUnbinds() {
        var keymap = Keymap.defaults
        keymap.rebind(.help, to: [])
        #expect(keymap.keys(for: .help).isEmpty)
        #expect(keymap.action(for: .character("?")) == nil)
        #expect(keymap.bindings.count == Keymap.defaults.bindings.count - 1)
    }
}
