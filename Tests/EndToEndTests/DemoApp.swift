/// The demo console as the tests see it: how to start it and how to recognise its screens.
enum DemoApp {
    /// The five panes' frame titles, in `1`..`5` order.
    static let titles = ["1 Accounts", "2 Roles", "3 Pipelines", "4 Alerts", "5 Cost"]

    /// Starts `opsdeck ARGUMENTS` under `ShellWrapper` in a new tmux session, runs `body`,
    /// and always tears the session down.
    static func run(
        _ arguments: [String] = ["--demo"], width: Int = 120, height: Int = 40,
        _ body: (TmuxSession) async throws -> Void
    ) async throws {
        let binary = try OpsDeckBinary.require()
        try await TmuxSession.with(
            ShellWrapper.command(binary: binary, arguments: arguments), width: width, height: height,
            extraEnvironment: ["PS1": "$ "], body)
    }

    /// Waits for the first complete dashboard (the demo cache is written on first start).
    @discardableResult
    static func waitForDashboard(_ session: TmuxSession) async throws -> String {
        try await session.waitUntil("the dashboard: header with OpsDeck and DEMO, all five pane titles") {
            isDashboard($0)
        }
    }

    static func isDashboard(_ screen: String) -> Bool {
        hasDemoHeader(screen) && titles.allSatisfy { screen.contains($0) }
    }

    /// The first row is the header: ` OpsDeck ` then ` DEMO ` in demo mode.
    static func hasDemoHeader(_ screen: String) -> Bool {
        guard let header = ScreenText.lines(screen).first else { return false }
        return header.contains("OpsDeck") && header.contains("DEMO")
    }

    /// The pane titles on screen, in `1`..`5` order.
    static func titlesOnScreen(_ screen: String) -> [String] {
        titles.filter { screen.contains($0) }
    }

    /// Zooms the focused pane, reads which single pane title shows, and zooms back out.
    /// - Returns: the focused pane's title, e.g. `3 Pipelines`.
    static func focusedTitle(_ session: TmuxSession) async throws -> String {
        try await session.sendKeys("z")
        let zoomed = try await session.waitUntil("a zoomed pane: exactly one pane title on screen") {
            hasDemoHeader($0) && titlesOnScreen($0).count == 1
        }
        try await session.sendKeys("z")
        try await waitForDashboard(session)
        return titlesOnScreen(zoomed).first ?? ""
    }

    /// The row of the screen holding `title`, from the title to the end of its frame's top
    /// border: the frame title and whatever follows it (filter, region).
    static func titleText(_ title: String, in screen: String) -> String? {
        guard let row = ScreenText.lines(screen).first(where: { $0.contains(title) }),
            let start = row.range(of: title)
        else { return nil }
        let rest = row[start.lowerBound...]
        let corners: Set<Character> = ["┐", "┓", "╗", "╮", "+"]
        let end = rest.firstIndex { corners.contains($0) } ?? rest.endIndex
        return String(rest[..<end])
    }
}
