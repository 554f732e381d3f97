import Foundation
import OpsDeckConfig
import OpsDeckUI
import TerminalKit
import Testing

/// The two selection styles (`[ui] selection`): the marker leaves every cell after the
/// first column in the row's own colours; the bar paints the whole row.
struct SelectionStyleTests {
    /// The zoomed Alerts pane of the standard demo, drawn in `style`.
    func render(_ style: SelectionStyle) throws -> ScreenBuffer {
        var state = try ScreenTests().state()
        state.selectionStyle = style
        _ = state.reduce(.key(.character("z")))
        _ = state.reduce(.key(.down))
        return ConsoleRenderer.render(state)
    }

    /// Every screen row, to search for the selected one.
    func rows(of buffer: ScreenBuffer) -> [Int] { Array(0..<buffer.size.height) }

    @Test func theMarkerPaintsTheGutterAndTheFirstColumnOnly() throws {
        let buffer = try render(.marker)
        let y = try #require(rows(of: buffer).first { buffer[1, $0].text == "▶" })
        #expect(buffer[1, y].role == "selection")
        #expect(buffer[2, y].role == "selection")
        let inner = buffer.size.width - 2
        #expect(buffer[inner, y].role != "selection", "the row's last cell keeps its own colours")
        // Exactly one marker on the screen, and the rows around it have a blank gutter.
        #expect(rows(of: buffer).filter { buffer[1, $0].text == "▶" }.count == 1)
        #expect(buffer[1, y + 1].text == " ")
    }

    @Test func theBarPaintsTheWholeRowAndHasNoMarker() throws {
        let buffer = try render(.bar)
        #expect(!rows(of: buffer).contains { buffer[1, $0].text == "▶" })
        let inner = buffer.size.width - 2
        let selected = rows(of: buffer).filter { buffer[inner, $0].role == "selection" }
        #expect(selected.count == 1)
        let y = try #require(selected.first)
        #expect(buffer[1, y].role == "selection")
    }

    @Test func theConfigChoosesTheStyleAndRefusesOthers() {
        let path = "/home/me/.config/opsdeck/config.toml"
        let bar = ConfigLoader.load(
            text: "[ui]\nselection = \"bar\"\n", path: path, fileMode: 0o600, env: [:])
        #expect(bar.configuration.selection == .bar)
        #expect(
            ConfigLoader.load(text: "", path: path, fileMode: 0o600, env: [:]).configuration.selection
                == .marker)
        let wrong = ConfigLoader.load(
            text: "[ui]\nselection = \"underline\"\n", path: path, fileMode: 0o600, env: [:])
        #expect(wrong.configuration.selection == .marker)
        #expect(wrong.problems.contains { $0.message.contains("\"underline\" is not a selection style") })
        #expect(ConfigRenderer.render(bar.configuration).contains("[ui]\nselection = \"bar\""))
    }
}
