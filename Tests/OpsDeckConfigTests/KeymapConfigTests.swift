import OpsDeckUI
import TerminalKit
import Testing

@testable import OpsDeckConfig

@Suite struct KeymapConfigTests {
    private func keymap(_ text: String) -> (Keymap, [ConfigProblem]) {
        let loaded = ConfigLoader.load(text: text, path: "c.toml", fileMode: nil, env: [:])
        return (loaded.configuration.keymap(), loaded.problems)
    }

    @Test func rebindReplacesTheActionsKeys() {
        let (map, problems) = keymap("[keys]\ndown = [\"n\", \"ctrl-n\"]\n")
        #expect(problems.isEmpty)
        #expect(map.action(for: .character("n")) == .down)
        #expect(map.action(for: .control("n")) == .down)
        #expect(map.action(for: .character("j")) == nil)
        #expect(map.action(for: .down) == nil)
        #expect(map.action(for: .character("k")) == .up)
    }

    @Test func takingAnotherActionsDefaultKeyLeavesItsOtherKeys() {
        let (map, problems) = keymap("[keys]\nrefresh = [\"q\"]\n")
        #expect(problems.isEmpty)
        #expect(map.action(for: .character("q")) == .refresh)
        #expect(map.action(for: .character("r")) == nil)
        #expect(map.keys(for: .quit) == [.control("c")])
    }

    @Test func singleStringAndCaseSensitiveKeys() {
        let (map, problems) = keymap("[keys]\nbottom = \"G\"\ntop = [\"g\", \"Home\"]\nhelp = \"F1\"\n")
        #expect(problems.isEmpty)
        #expect(map.action(for: .character("G")) == .bottom)
        #expect(map.action(for: .character("g")) == .top)
        #expect(map.action(for: .home) == .top)
        #expect(map.action(for: .function(1)) == .help)
        #expect(map.action(for: .end) == nil)
    }

    @Test func conflictingKeyStaysWithTheFirstAction() {
        let (map, problems) = keymap("[keys]\nzoom = [\"x\"]\nfilter = [\"x\", \"/\"]\n")
        #expect(
            problems.map(\.message) == [
                "[keys] filter: \"x\" is already bound to zoom on line 2; a key can do one thing"
            ])
        #expect(map.action(for: .character("x")) == .zoom)
        #expect(map.action(for: .character("/")) == .filter)
    }
}
