import Foundation
import OpsDeckConfig
import OpsDeckCore
import OpsDeckUI
import TerminalKit
import Testing

/// Screen snapshots of the demo's alarm sparkline and anomaly detail.
@Suite struct MetricsCostScreenTests {
    func state(ascii: Bool = false) throws -> AppState {
        let snapshot = try #require(ScreenTests.demoSnapshot)
        var state = AppState(
            size: Size(width: 120, height: 40), now: ScreenTests.now, theme: ThemeLoader.defaultTheme,
            ascii: ascii, profile: "demo", themeNames: BuiltinThemes.names)
        _ = state.reduce(.snapshot(snapshot))
        return state
    }

    @Test(arguments: [false, true])
    func metricAlarmDetailShowsItsSparkline(ascii: Bool) throws {
        var state = try state(ascii: ascii)
        let alert = try #require(
            AlertsPresenter.alerts(state.snapshot, state.context).first { alert in
                alert.alarm.map { state.snapshot.metricSeries[$0.arn] != nil } ?? false
            })
        state.mode = .detail(pane: .alerts, rowId: alert.id, offset: 0)
        let screen = ConsoleRenderer.render(state).snapshot(roles: true)
        #expect(screen.contains("Above threshold"))
        ScreenSnapshot.assertMatches(screen, named: ascii ? "alarm-sparkline-ascii" : "alarm-sparkline")
    }

    @Test func anomalyDetail() throws {
        var state = try state()
        state.mode = .detail(pane: .cost, rowId: "anomaly:demo-anomaly-1", offset: 0)
        let screen = ConsoleRenderer.render(state).snapshot(roles: true)
        #expect(screen.contains("BoxUsage:m6i.4xlarge"))
        ScreenSnapshot.assertMatches(screen, named: "cost-anomaly-detail")
    }
}
