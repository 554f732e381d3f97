import Testing

extension EndToEnd {
    @Suite("Filter, detail and help")
    struct OverlayTests {
        @Test("/prod filters Accounts, the title shows the query, Esc clears it")
        func filterAccounts() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await session.sendKeys("1", "z")
                try await session.waitForAbsence(of: "4 Alerts", "5 Cost")
                try await session.sendKeys("/")
                try await session.type("prod")
                try await session.sendKeys("Enter")
                let filtered = try await session.waitUntil("the Accounts title to show /prod (n/m)") {
                    DemoApp.titleText("1 Accounts", in: $0)?.contains("/prod (") == true
                }
                let rows = Self.bodyRows(filtered)
                #expect(!rows.isEmpty, "\(ScreenText.framed(filtered))")
                let strays = rows.filter { !$0.lowercased().contains("prod") }
                #expect(strays.isEmpty, "rows without prod: \(strays)\n\(ScreenText.framed(filtered))")

                try await session.sendKeys("Escape")
                let cleared = try await session.waitUntil("the Accounts title without /prod") {
                    DemoApp.titleText("1 Accounts", in: $0).map { !$0.contains("/prod") } ?? false
                }
                let unfiltered = Self.bodyRows(cleared).filter { !$0.lowercased().contains("prod") }
                #expect(!unfiltered.isEmpty, "Esc left the rows filtered:\n\(ScreenText.framed(cleared))")
            }
        }

        /// The rows below a zoomed pane's column header, above the status bar, that hold text.
        static func bodyRows(_ screen: String) -> [String] {
            let rows = ScreenText.lines(screen).dropFirst(3).dropLast()
            return rows.filter { row in row.contains { $0.isLetter } }
        }

        @Test("Enter in Alerts opens the detail view, Esc goes back")
        func alertsDetail() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await session.sendKeys("4", "z")
                try await session.waitForAbsence(of: "1 Accounts", "5 Cost")
                try await session.sendKeys("Enter")
                let detail = try await session.waitFor("Alerts detail")
                #expect(detail.contains("Alerts detail (Esc back)"), "\(ScreenText.framed(detail))")
                try await session.sendKeys("Escape")
                let back = try await session.waitForAbsence(of: "Alerts detail")
                #expect(back.contains("4 Alerts"), "\(ScreenText.framed(back))")
            }
        }

        @Test("? shows the help overlay with the quit summary, Esc closes it")
        func help() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await session.sendKeys("?")
                let help = try await session.waitFor("Help: keys and commands")
                #expect(help.contains("Help: keys and commands (Esc closes)"), "\(ScreenText.framed(help))")
                #expect(help.contains("Quit OpsDeck"), "\(ScreenText.framed(help))")
                try await session.sendKeys("Escape")
                try await session.waitForAbsence(of: "Help: keys and commands")
                try await DemoApp.waitForDashboard(session)
            }
        }
    }
}
