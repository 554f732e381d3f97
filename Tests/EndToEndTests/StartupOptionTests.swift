import Testing

extension EndToEnd {
    @Suite("Start-up options")
    struct StartupOptionTests {
        @Test("--no-color starts the dashboard with no colour escapes")
        func noColor() async throws {
            try await DemoApp.run(["--demo", "--no-color"]) { session in
                try await DemoApp.waitForDashboard(session)
                let escaped = try await session.captureWithEscapes()
                let colours = SGR.colourParameters(in: escaped)
                #expect(colours.isEmpty, "colour SGR parameters on screen: \(colours.sorted().prefix(10))")
            }
        }

        @Test("--ascii starts the dashboard with no box-drawing borders")
        func ascii() async throws {
            try await DemoApp.run(["--demo", "--ascii"]) { session in
                let screen = try await DemoApp.waitForDashboard(session)
                let boxDrawing: Set<Character> = ["─", "│", "┌", "┐", "└", "┘"]
                let found = Set(screen.filter { boxDrawing.contains($0) })
                #expect(
                    found.isEmpty, "box-drawing characters \(found.sorted()):\n\(ScreenText.framed(screen))")
            }
        }
    }
}
