import Testing

extension EndToEnd {
    @Suite("Resizing the terminal")
    struct ResizeTests {
        @Test("120x40 -> 40x12 shows tabs, 20x6 says too small, back to 120x40 shows the dashboard")
        func resizeDownAndBack() async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)

                try await session.resize(width: 40, height: 12)
                let narrow = try await session.waitUntil("a tab bar with 1 Accounts at 40x12") { screen in
                    let rows = ScreenText.lines(screen)
                    return rows.count <= 12 && rows.allSatisfy { $0.count <= 40 }
                        && DemoApp.hasDemoHeader(screen)
                        && rows.dropFirst().first?.contains("1 Accounts") == true
                }
                #expect(
                    ShellWrapper.exitStatus(in: narrow) == nil,
                    "the app exited:\n\(ScreenText.framed(narrow))")

                try await session.resize(width: 20, height: 6)
                let tiny = try await session.waitFor("too small")
                #expect(tiny.contains("window too small"), "\(ScreenText.framed(tiny))")

                try await session.resize(width: 120, height: 40)
                let restored = try await DemoApp.waitForDashboard(session)
                #expect(!restored.contains("too small"), "\(ScreenText.framed(restored))")

                try await session.sendKeys("q")
                let after = try await session.waitUntil("the shell prompt after q") {
                    ShellWrapper.isAtPrompt($0)
                }
                #expect(ShellWrapper.exitStatus(in: after) == 0, "\(ScreenText.framed(after))")
            }
        }
    }
}
