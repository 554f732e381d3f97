import Testing

@testable import OpsDeckUI

@Suite struct ColumnLayoutTests {
    static let presenterColumns: [[PaneColumn]] = [
        AccountsPresenter.columns, RolesPresenter.listColumns, RolesPresenter.baselineColumns,
        PipelinesPresenter.columns, AlertsPresenter.columns, CostPresenter.columns,
    ]

    private func titles(_ slots: [ColumnLayout.Slot], _ columns: [PaneColumn]) -> [String] {
        slots.map { columns[$0.column].title }
    }

    @Test func nothingToLayOut() {
        #expect(ColumnLayout.slots(for: [], width: 80).isEmpty)
        #expect(ColumnLayout.slots(for: AlertsPresenter.columns, width: 0).isEmpty)
        #expect(ColumnLayout.slots(for: AlertsPresenter.columns, width: -4).isEmpty)
    }

    @Test func exactFitUsesPreferredWidthsOneSpaceApart() {
        let columns = [PaneColumn("A", width: 5), PaneColumn("B", width: 3), PaneColumn("C", width: 4)]
        let slots = ColumnLayout.slots(for: columns, width: 14)
        #expect(
            slots == [
                .init(column: 0, x: 0, width: 5), .init(column: 1, x: 6, width: 3),
                .init(column: 2, x: 10, width: 4),
            ])
    }

    @Test func spareWidthGoesToTheFlexibleColumn() {
        let columns = [
            PaneColumn("A", width: 5), PaneColumn("B", width: 3, flexible: true), PaneColumn("C", width: 4),
        ]
        let slots = ColumnLayout.slots(for: columns, width: 30)
        #expect(slots.map(\.width) == [5, 19, 4])
        #expect(slots.last.map { $0.x + $0.width } == 30)
    }

    @Test func spareWidthIsSharedBetweenFlexibleColumnsTheLastTakingTheRemainder() {
        let columns = [
            PaneColumn("A", width: 10, flexible: true), PaneColumn("B", width: 10, flexible: true),
        ]
        #expect(ColumnLayout.slots(for: columns, width: 31).map(\.width) == [15, 15])
        #expect(ColumnLayout.slots(for: columns, width: 32).map(\.width) == [15, 16])
    }

    @Test func withoutFlexibleColumnsSpareWidthIsLeftEmpty() {
        let columns = [PaneColumn("A", width: 5), PaneColumn("B", width: 3)]
        #expect(ColumnLayout.slots(for: columns, width: 50).map(\.width) == [5, 3])
    }

    @Test func flexibleColumnsShrinkToTenBeforeAnythingIsDropped() {
        let columns = AccountsPresenter.columns
        let wide = ColumnLayout.slots(for: columns, width: 96)
        #expect(wide.count == 8)
        #expect(wide.first?.width == 27)
        let tight = ColumnLayout.slots(for: columns, width: 79)
        #expect(tight.count == 8)
        #expect(tight.first?.width == 10)
        #expect(tight.last.map { $0.x + $0.width } == 79)
    }

    @Test func optionalColumnsGoHighestPriorityNumberFirst() {
        let columns = AccountsPresenter.columns
        #expect(
            titles(ColumnLayout.slots(for: columns, width: 78), columns)
                == ["Name", "Account", "Env", "Alarms", "Incid", "MTD cost", "Pipeline"])
        #expect(ColumnLayout.slots(for: columns, width: 78).first?.width == 19)
        #expect(
            titles(ColumnLayout.slots(for: columns, width: 60), columns)
                == ["Name", "Env", "Alarms", "Incid", "MTD cost", "Pipeline"])
        #expect(
            ColumnLayout.slots(for: columns, width: 60) == [
                .init(column: 0, x: 0, width: 14), .init(column: 2, x: 15, width: 8),
                .init(column: 4, x: 24, width: 6),
                .init(column: 5, x: 31, width: 5), .init(column: 6, x: 37, width: 11),
                .init(column: 7, x: 49, width: 11),
            ])
        #expect(
            titles(ColumnLayout.slots(for: columns, width: 40), columns) == [
                "Name", "Env", "Alarms", "Incid",
            ])
        #expect(ColumnLayout.slots(for: columns, width: 40).first?.width == 18)
    }

    @Test func amongEqualPrioritiesTheRightmostGoesFirst() {
        let columns = [
            PaneColumn("A", width: 10), PaneColumn("B", width: 5, priority: 1),
            PaneColumn("C", width: 5, priority: 1),
        ]
        #expect(titles(ColumnLayout.slots(for: columns, width: 16), columns) == ["A", "B"])
    }

    @Test func essentialColumnsGoFromTheRightOnlyWhenNothingOptionalIsLeft() {
        let columns = AccountsPresenter.columns
        #expect(titles(ColumnLayout.slots(for: columns, width: 20), columns) == ["Name", "Env"])
        #expect(ColumnLayout.slots(for: columns, width: 20).map(\.width) == [11, 8])
        #expect(titles(ColumnLayout.slots(for: columns, width: 12), columns) == ["Name"])
        #expect(ColumnLayout.slots(for: columns, width: 12).map(\.width) == [12])
    }

    @Test func alertsKeepTheTitleAndDropRegionThenSource() {
        let columns = AlertsPresenter.columns
        #expect(titles(ColumnLayout.slots(for: columns, width: 73), columns).count == 7)
        #expect(
            titles(ColumnLayout.slots(for: columns, width: 72), columns)
                == ["Sev", "Source", "Account", "Title", "Status", "Age"])
        let slots = ColumnLayout.slots(for: columns, width: 58)
        #expect(titles(slots, columns) == ["Sev", "Account", "Title", "Status", "Age"])
        #expect(slots.map(\.width) == [8, 18, 12, 12, 4])
        #expect(slots.last.map { $0.x + $0.width } == 58)
    }

    @Test func tooNarrowForTheEssentialsStillFillsTheLine() {
        let columns = [
            PaneColumn("A", width: 10), PaneColumn("B", width: 20, flexible: true), PaneColumn("C", width: 5),
        ]
        let slots = ColumnLayout.slots(for: columns, width: 30)
        #expect(slots.map(\.width) == [10, 13, 5])
        #expect(slots.last.map { $0.x + $0.width } == 30)
    }

    @Test func aNarrowFlexibleColumnIsNotStretchedToTheMinimum() {
        let columns = [PaneColumn("A", width: 10), PaneColumn("B", width: 4, flexible: true)]
        #expect(ColumnLayout.slots(for: columns, width: 15).map(\.width) == [10, 4])
        #expect(ColumnLayout.slots(for: columns, width: 14).map(\.width) == [10])
    }

    /// Whatever the width, the slots fit inside it, in column order, without overlap.
    @Test(arguments: presenterColumns.indices)
    func neverExceedsTheWidth(set: Int) {
        let columns = Self.presenterColumns[set]
        for width in 1...220 {
            let slots = ColumnLayout.slots(for: columns, width: width)
            #expect(!slots.isEmpty, "width \(width)")
            var end = -1
            var lastColumn = -1
            for slot in slots {
                #expect(slot.width > 0)
                #expect(slot.x > end, "overlap at width \(width)")
                #expect(slot.column > lastColumn)
                end = slot.x + slot.width - 1
                lastColumn = slot.column
            }
            #expect(end < width, "width \(width): ends at \(end)")
            // Flexible layouts fill the line exactly once everything essential fits.
            let needed = columns.reduce(0) { $0 + $1.width } + columns.count - 1
            if width >= needed, columns.contains(where: \.flexible) {
                #expect(end == width - 1, "width \(width)")
                #expect(slots.count == columns.count)
            }
        }
    }
}
