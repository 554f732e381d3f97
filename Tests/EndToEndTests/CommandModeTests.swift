import Testing

extension EndToEnd {
    @Suite("Command mode")
    struct CommandModeTests {
        @Test(":cost focuses the Cost pane")
        func costCommandFocusesCost() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await session.sendKeys("1")
                try await session.sendKeys(":")
                try await session.type("cost")
                try await session.sendKeys("Enter")
                #expect(try await DemoApp.focusedTitle(session) == "5 Cost")
            }
        }

        @Test(":region us-west-2 shows the region in the Alerts title")
        func regionCommand() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await session.sendKeys(":")
                try await session.type("region us-west-2")
                try await session.sendKeys("Enter")
                let screen = try await session.waitUntil("us-west-2 in the Alerts title") {
                    DemoApp.titleText("4 Alerts", in: $0)?.contains("us-west-2") == true
                }
                #expect(DemoApp.isDashboard(screen), "\(ScreenText.framed(screen))")
            }
        }

        @Test(":nonsense reports an unknown command and the app keeps running")
        func unknownCommand() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await session.sendKeys(":")
                try await session.type("nonsense")
                try await session.sendKeys("Enter")
                let screen = try await session.waitFor("Unknown command")
                #expect(screen.contains("Unknown command :nonsense"), "\(ScreenText.framed(screen))")
                #expect(DemoApp.isDashboard(screen), "\(ScreenText.framed(screen))")
            }
        }
    }
}
