import TerminalKit
import Testing

@testable import OpsDeckUI

@Suite struct HelpContentTests {
    @Test func everyActionSummaryIsListedWithItsKeys() throws {
        let lines = HelpContent.lines(keymap: .defaults)
        for action in KeyAction.allCases {
            let line = try #require(lines.first { $0.1 == action.summary }, "\(action.rawValue)")
            let names = Keymap.defaults.keys(for: action).map(\.name)
            #expect(line.0 == names.joined(separator: " "))
        }
        #expect(lines.first { $0.1 == KeyAction.down.summary }?.0 == "j down")
        #expect(lines.first { $0.1 == KeyAction.quit.summary }?.0 == "q ctrl-c")
    }

    @Test func summariesAreDistinctAndNonEmpty() {
        let summaries = KeyAction.allCases.map(\.summary)
        #expect(Set(summaries).count == summaries.count)
        #expect(summaries.allSatisfy { !$0.isEmpty })
    }

    @Test func helpFollowsTheKeymapInEffect() {
        var keymap = Keymap.defaults
        keymap.rebind(.zoom, to: [.function(2)])
        keymap.rebind(.suspend, to: [])
        let lines = HelpContent.lines(keymap: keymap)
        #expect(lines.first { $0.1 == KeyAction.zoom.summary }?.0 == "f2")
        #expect(lines.first { $0.1 == KeyAction.suspend.summary }?.0 == "(unbound)")
    }

    @Test func everyCommandIsListed() {
        let lines = HelpContent.lines(keymap: .defaults)
        for entry in ConsoleCommand.catalog {
            #expect(lines.contains { $0.0 == ":" + entry.usage && $0.1 == entry.summary }, "\(entry.name)")
        }
        #expect(lines.contains { $0.0 == "/!text" })
        #expect(lines.contains { $0.0 == "MOUSE" })
    }
}
