import Foundation
import OpsDeckApp
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckDemo
import OpsDeckUI
import TerminalKit
import Testing

/// Screen tests: the standard demo at a fixed time, rendered into a buffer and
/// compared as text plus style roles.
@Suite struct ScreenTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static let demoSnapshot: OrgSnapshot? = {
        guard let cache = try? CacheDatabase.inMemory() else { return nil }
        try? DemoCache.write(DemoOrganization.generate(size: .standard, now: now), into: cache)
        return try? cache.snapshot(now: now)
    }()

    func state(width: Int = 120, height: Int = 40, ascii: Bool = false) throws -> AppState {
        let snapshot = try #require(Self.demoSnapshot)
        var state = AppState(
            size: Size(width: width, height: height), now: Self.now, theme: ThemeLoader.defaultTheme,
            ascii: ascii,
            profile: "demo", themeNames: BuiltinThemes.names)
        _ = state.reduce(.snapshot(snapshot))
        return state
    }

    func screen(_ state: AppState) -> String { ConsoleRenderer.render(state).snapshot(roles: true) }

    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = state.reduce(.key(key)) }
    }

    func type(_ state: inout AppState, _ text: String) {
        for ch in text { _ = state.reduce(.key(.character(ch))) }
    }

    @Test func dashboardAt120x40() throws {
        ScreenSnapshot.assertMatches(screen(try state()), named: "dashboard-120x40")
    }

    @Test func zoomedAccountsTree() throws {
        var s = try state()
        press(&s, .character("1"), .character("z"))
        ScreenSnapshot.assertMatches(screen(s), named: "accounts-zoomed")
    }

    @Test func collapsedOUHidesItsAccounts() throws {
        var s = try state()
        press(&s, .character("1"), .character("z"), .down, .character(" "))
        let text = ConsoleRenderer.render(s).text
        #expect(text.contains("▸ Sandbox"))
        #expect(!text.contains("sandbox-alice"))
    }

    @Test func filteredAlerts() throws {
        var s = try state()
        press(&s, .character("4"), .character("z"), .character("/"))
        type(&s, "prod")
        ScreenSnapshot.assertMatches(screen(s), named: "alerts-filter-typing")
        press(&s, .enter)
        #expect(ConsoleRenderer.render(s).text.contains("4 Alerts /prod ("))
    }

    @Test func alertDetail() throws {
        var s = try state()
        press(&s, .character("4"), .character("z"), .enter)
        ScreenSnapshot.assertMatches(screen(s), named: "alerts-detail")
    }

    @Test func help() throws {
        var s = try state()
        press(&s, .character("?"))
        ScreenSnapshot.assertMatches(screen(s), named: "help")
    }

    @Test func costByServiceZoomed() throws {
        var s = try state()
        press(&s, .character("5"), .character("z"), .character("v"))
        ScreenSnapshot.assertMatches(screen(s), named: "cost-by-service")
    }

    @Test func rolesBaseline() throws {
        var s = try state()
        press(&s, .character("2"), .character("z"), .character("v"))
        ScreenSnapshot.assertMatches(screen(s), named: "roles-baseline")
    }

    @Test func narrowTerminalShowsTabs() throws {
        ScreenSnapshot.assertMatches(screen(try state(width: 80, height: 24)), named: "tabs-80x24")
        ScreenSnapshot.assertMatches(screen(try state(width: 40, height: 12)), named: "tabs-40x12")
    }

    @Test func tinyTerminalSaysTooSmall() throws {
        let text = ConsoleRenderer.render(try state(width: 20, height: 6)).text
        #expect(text.contains("too small"))
    }

    @Test func asciiModeDrawsNoUnicode() throws {
        let s = try state(ascii: true)
        let text = ConsoleRenderer.render(s).text
        let box = text.unicodeScalars.filter { (0x2500...0x259F).contains($0.value) }
        #expect(
            box.isEmpty,
            "box drawing or block characters in --ascii mode: \(String(String.UnicodeScalarView(box.prefix(10))))"
        )
        ScreenSnapshot.assertMatches(screen(s), named: "dashboard-ascii")
    }

    @Test func commandModeShowsCompletions() throws {
        var s = try state()
        press(&s, .character(":"))
        type(&s, "the")
        press(&s, .tab)
        type(&s, "li")
        ScreenSnapshot.assertMatches(screen(s), named: "command-completion")
        press(&s, .tab, .enter)
        #expect(s.theme.name == ThemeLoader.defaultTheme.name, "a theme change is an effect for the runtime")
    }

    @Test func everyResizeRendersWithoutTrapping() throws {
        var s = try state()
        for width in stride(from: 10, through: 200, by: 7) {
            for height in stride(from: 2, through: 60, by: 5) {
                _ = s.reduce(.resize(Size(width: width, height: height)))
                let buffer = ConsoleRenderer.render(s)
                #expect(buffer.size == Size(width: width, height: height))
            }
        }
    }
}
