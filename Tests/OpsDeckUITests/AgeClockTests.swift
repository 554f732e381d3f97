import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

private typealias F = UIFixtures

/// An idle console writes only its clock and the data-age labels: the tables' ages and
/// running durations move on with data and input, not with the clock.
@Suite struct AgeClockTests {
    /// Rows of `after` that differ from `before`, as text.
    static func changedLines(_ before: ScreenBuffer, _ after: ScreenBuffer) -> [(row: Int, text: String)] {
        (0..<after.size.height).compactMap { y in before.line(y) == after.line(y) ? nil : (y, after.line(y)) }
    }

    @Test func idleTicksChangeOnlyTheHeaderAndDataAges() {
        var state = F.state()
        let before = ConsoleRenderer.render(state)
        // Two minutes and a second: every age and running duration would show a new value.
        _ = state.reduce(.tick(F.now.addingTimeInterval(121)))
        let after = ConsoleRenderer.render(state)

        let changed = Self.changedLines(before, after)
        #expect(changed.contains { $0.row == 0 }, "the clock moved")
        for (row, text) in changed where row != 0 {
            let isDataAge = ["as of ", "stale ", "live"].contains { text.contains($0) }
            #expect(isDataAge, "row \(row) changed while idle: \(text)")
        }
        #expect(state.agesAsOf == F.now)
    }

    @Test func inputBringsTheAgesUpToTheClock() {
        var state = F.state()
        #expect(ConsoleRenderer.render(state).text.contains("10m"))
        _ = state.reduce(.tick(F.now.addingTimeInterval(121)))
        #expect(!ConsoleRenderer.render(state).text.contains("12m"))

        _ = state.reduce(.key(.character("j")))
        #expect(state.agesAsOf == F.now.addingTimeInterval(121))
        #expect(ConsoleRenderer.render(state).text.contains("12m"))
    }

    @Test func aNewSnapshotBringsTheAgesUpToTheClock() {
        var state = F.state()
        _ = state.reduce(.tick(F.now.addingTimeInterval(121)))
        _ = state.reduce(.snapshot(F.snapshot))
        #expect(state.agesAsOf == F.now.addingTimeInterval(121))
        _ = state.reduce(.tick(F.now.addingTimeInterval(300)))
        #expect(state.agesAsOf == F.now.addingTimeInterval(121))
    }
}
