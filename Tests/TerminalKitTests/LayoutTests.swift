import TerminalKit
import Testing

@Suite struct LayoutTests {
    @Test func fixedThenFill() {
        #expect(Layout.lengths(total: 10, constraints: [.fixed(3), .fill]) == [3, 7])
        #expect(Layout.lengths(total: 10, constraints: [.fixed(1), .fill, .fixed(1)]) == [1, 8, 1])
    }

    @Test func percentRatioAndWeights() {
        #expect(Layout.lengths(total: 11, constraints: [.percent(50), .fill, .fill]) == [5, 3, 3])
        #expect(Layout.lengths(total: 9, constraints: [.ratio(1, 3), .fill]) == [3, 6])
        #expect(Layout.lengths(total: 11, constraints: [.min(2), .fill(2)]) == [5, 6])
        #expect(Layout.lengths(total: 10, constraints: [.fill(1), .fill(2)]) == [4, 6])
    }

    @Test func remainderGoesToTheEarliestFill() {
        #expect(Layout.lengths(total: 10, constraints: [.fill, .fill, .fill]) == [4, 3, 3])
    }

    @Test func overflowCutsTheLaterParts() {
        #expect(Layout.lengths(total: 10, constraints: [.fixed(8), .fixed(8), .fill]) == [8, 2, 0])
        #expect(Layout.lengths(total: 3, constraints: [.min(5), .fill]) == [3, 0])
    }

    @Test func splitPlacesRectsWithSpacing() {
        let area = Rect(x: 2, y: 1, width: 11, height: 4)
        let columns = area.columns([.fill, .fill], spacing: 1)
        #expect(columns == [Rect(x: 2, y: 1, width: 5, height: 4), Rect(x: 8, y: 1, width: 5, height: 4)])
        let rows = area.rows([.fixed(1), .fill, .fixed(1)])
        #expect(rows.map(\.y) == [1, 2, 4])
        #expect(rows.map(\.height) == [1, 2, 1])
        #expect(rows.allSatisfy { $0.x == 2 && $0.width == 11 })
    }

    @Test func gridCoversTheArea() {
        let grid = Layout.grid(Rect(x: 0, y: 0, width: 10, height: 4), rows: 2, columns: 2)
        #expect(grid.count == 2)
        #expect(grid[1][1] == Rect(x: 5, y: 2, width: 5, height: 2))
        #expect(grid[0][0] == Rect(x: 0, y: 0, width: 5, height: 2))
    }

    @Test func rectHelpers() {
        let r = Rect(x: 0, y: 0, width: 20, height: 10)
        #expect(r.centered(width: 10, height: 4) == Rect(x: 5, y: 3, width: 10, height: 4))
        #expect(r.centered(width: 40, height: 4).width == 20)
        #expect(
            r.intersection(Rect(x: 15, y: 8, width: 10, height: 10)) == Rect(x: 15, y: 8, width: 5, height: 2)
        )
        #expect(r.intersection(Rect(x: 30, y: 0, width: 1, height: 1)).isEmpty)
        #expect(r.splitBottom(1).bottom == Rect(x: 0, y: 9, width: 20, height: 1))
        #expect(r.inset(top: 1, left: 2) == Rect(x: 2, y: 1, width: 18, height: 9))
    }
}
