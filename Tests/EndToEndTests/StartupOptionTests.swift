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

        @Test("--ascii starts the dashboard with no box-drawing characters")
        func ascii() async throws {
            try await DemoApp.run(["--demo", "--ascii"]) { session in
                let screen = try await DemoApp.waitForDashboard(session)
                // The Box Drawing block, U+2500...U+257F: every light, heavy and double border.
                let found = Set(screen.unicodeScalars.filter { (0x2500...0x257F).contains($0.value) })
                #expect(
                    found.isEmpty, "box-drawing characters \(found.sorted()):\n\(ScreenText.framed(screen))")
            }
        }
    }
}
