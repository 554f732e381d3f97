import Testing

extension EndToEnd {
    @Suite("Dashboard and pane focus")
    struct DashboardTests {
        @Test("--demo starts on the dashboard: header with OpsDeck and DEMO, all five panes")
        func startsOnDashboard() async throws {
            try await DemoApp.run { session in
                let screen = try await DemoApp.waitForDashboard(session)
                let header = try #require(ScreenText.lines(screen).first)
                #expect(header.hasPrefix(" OpsDeck "), "header: \(header)")
                #expect(header.contains(" DEMO"), "header: \(header)")
                #expect(DemoApp.titlesOnScreen(screen) == DemoApp.titles, "\(ScreenText.framed(screen))")
            }
        }

        @Test("Keys 1..5 focus each pane, and z zooms only that pane")
        func numberKeysFocusEachPane() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                // Backwards, so no step starts from the pane it should reach.
                for (index, title) in DemoApp.titles.enumerated().reversed() {
                    try await session.sendKeys(String(index + 1))
                    try await session.sendKeys("z")
                    let others = DemoApp.titles.filter { $0 != title }
                    let zoomed = try await session.waitUntil("only \"\(title)\" after \(index + 1) z") {
                        screen in
                        DemoApp.hasDemoHeader(screen) && screen.contains(title)
                            && others.allSatisfy { !screen.contains($0) }
                    }
                    #expect(DemoApp.titlesOnScreen(zoomed) == [title])
                    try await session.sendKeys("z")
                    try await DemoApp.waitForDashboard(session)
                }
            }
        }

        @Test("Tab moves focus to the next pane and BTab back, wrapping around")
        func tabCyclesFocus() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await session.sendKeys("1")
                #expect(try await DemoApp.focusedTitle(session) == "1 Accounts")
                try await session.sendKeys("Tab")
                #expect(try await DemoApp.focusedTitle(session) == "2 Roles")
                try await session.sendKeys("Tab")
                #expect(try await DemoApp.focusedTitle(session) == "3 Pipelines")
                try await session.sendKeys("BTab")
                #expect(try await DemoApp.focusedTitle(session) == "2 Roles")
                try await session.sendKeys("BTab", "BTab")
                #expect(try await DemoApp.focusedTitle(session) == "5 Cost")
                try await session.sendKeys("Tab")
                #expect(try await DemoApp.focusedTitle(session) == "1 Accounts")
            }
        }
    }
}
