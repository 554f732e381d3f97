import Foundation
import OpsDeckUI
import TerminalKit
import Testing

@testable import OpsDeckConfig

@Suite struct ThemeLoaderTests {
    @Test func loadsBuiltInByName() throws {
        let theme = try ThemeLoader.load(nameOrPath: "light", userThemesDirectory: nil)
        #expect(theme.name == "light")
        #expect(theme.missingRoles.isEmpty)
        #expect(theme == ThemeLoader.builtin(named: "light"))
    }

    @Test func userThemeOverridesBuiltInAndInheritsMissingRoles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "themes/light.toml",
            """
            [roles]
            text = { fg = "#ff0000", attrs = ["italic"] }
            """)
        let theme = try ThemeLoader.load(nameOrPath: "light", userThemesDirectory: directory.path + "/themes")
        #expect(theme[.text] == Style(foreground: .indexed(196), attributes: .italic))
        // Roles it leaves out come from the default theme, not from the shipped "light".
        #expect(theme[.alarm] == ThemeLoader.defaultTheme[.alarm])
        #expect(theme.missingRoles.isEmpty)
    }

    @Test func baseChoosesWhichThemeFillsIn() throws {
        let theme = try ThemeLoader.decode(
            text: """
                base = "monochrome"
                [roles]
                "prod.frame" = { fg = "bright-red", attrs = ["bold"] }
                """, name: "mine", file: "mine.toml")
        let monochrome = try #require(ThemeLoader.builtin(named: "monochrome"))
        #expect(theme[.prodFrame] == Style(foreground: .brightRed, attributes: .bold))
        #expect(theme[.selection] == monochrome[.selection])
    }

    @Test func loadsByPathAndNamesItAfterTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "ocean.toml",
            """
            [palette]
            sea = 24
            [roles]
            selection = { fg = "bright-white", bg = "sea" }
            """)
        let theme = try ThemeLoader.load(nameOrPath: path, userThemesDirectory: nil)
        #expect(theme.name == "ocean")
        #expect(theme[.selection] == Style(foreground: .brightWhite, background: .indexed(24)))
    }

    @Test func unknownNameSaysWhereItLookedAndSuggests() {
        #expect {
            try ThemeLoader.load(nameOrPath: "solarised-dark", userThemesDirectory: "/nonexistent/themes")
        } throws: { error in
            guard let error = error as? ThemeError,
                case .notFound(let name, let searched, let suggestion) = error.kind
            else { return false }
            return name == "solarised-dark" && suggestion == "solarized-dark"
                && searched == ["/nonexistent/themes", "the built-in themes"]
                && error.description
                    == "no theme named \"solarised-dark\" (did you mean \"solarized-dark\"?); looked in "
                    + "/nonexistent/themes, the built-in themes"
        }
    }

    @Test func missingFileIsAnError() {
        #expect {
            try ThemeLoader.load(nameOrPath: "/nonexistent/x.toml", userThemesDirectory: nil)
        } throws: { error in
            (error as? ThemeError)?.description == "/nonexistent/x.toml: cannot read the theme: no such file"
        }
    }

    @Test func badThemeGivesTheDefaultAndAnErrorNamingFileLineAndProblem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "broken.toml",
            """
            # a theme
            [roles]
            text = { fg = "white" }
            selction = { attrs = ["reverse"] }
            """)
        let (theme, error) = ThemeLoader.loadOrDefault(nameOrPath: path, userThemesDirectory: nil)
        #expect(theme == ThemeLoader.defaultTheme)
        let found = try #require(error)
        #expect(found.file == path)
        #expect(found.line == 4)
        #expect(found.column == 1)
        #expect(found.kind == .unknownRole("selction", suggestion: "selection"))
        #expect(found.description == "\(path):4:1: unknown role \"selction\" (did you mean \"selection\"?)")
    }

    @Test func validateReportsEveryProblemWithItsLine() {
        let text = """
            [palette]
            red = 1
            accent = "#12"
            [roles]
            text = { fg = "rde" }
            "incident.triggered" = { fg = "white", bg = 300 }
            alarm = { attrs = ["bold", "blinking"] }
            muted = { colour = "grey" }
            border = "grey"
            sparkle = {}
            [extra]
            """
        let errors = ThemeLoader.validate(text: text, file: "t.toml", requireAllRoles: false)
        let summary = errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(
            summary == [
                "2:1 palette name \"red\" is a built-in colour name; choose another",
                "3:10 bad colour for palette accent: \"#12\" is not a hex colour (use \"#rrggbb\")",
                "5:15 bad colour for text fg: \"rde\" is not a colour (did you mean \"red\"?); "
                    + "use a name such as \"red\" or \"bright-blue\", 0-255, \"#rrggbb\" or a [palette] name",
                "6:45 bad colour for incident.triggered bg: 300 is not a colour index (use 0-255)",
                "7:28 \"blinking\" is not an attribute; use bold, dim, reverse, "
                    + "underline, italic, blink",
                "8:11 unknown key \"colour\"",
                "9:10 border must be an inline table such as { fg = \"red\", attrs = [\"bold\"] }, "
                    + "not a string",
                "10:1 unknown role \"sparkle\" (did you mean \"sparkline\"?)",
                "11:2 unknown key \"extra\"",
            ])
    }

    @Test func missingRolesAreAProblemOnlyForShippedThemes() {
        let text = "[roles]\ntext = {}\n"
        #expect(ThemeLoader.validate(text: text, file: "t.toml", requireAllRoles: false).isEmpty)
        let strict = ThemeLoader.validate(text: text, file: "t.toml", requireAllRoles: true)
        #expect(strict.count == 1)
        guard case .missingRoles(let roles)? = strict.first?.kind else {
            Issue.record("expected missing roles, got \(strict)")
            return
        }
        #expect(roles.count == ThemeRole.allCases.count - 1)
        #expect(roles.contains("incident.triggered"))
        #expect(!roles.contains("text"))
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let errors = ThemeLoader.validate(
            text: "[roles]\ntext = { fg = \"red\" \n", file: "t.toml",
            requireAllRoles: true)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.column != nil)
        #expect(errors.first?.message.hasPrefix("TOML syntax error:") == true)
    }

    @Test func badBaseIsReported() {
        let errors = ThemeLoader.validate(text: "base = \"nope\"\n", file: "t.toml", requireAllRoles: false)
        #expect(errors.map(\.kind) == [.badBase("nope")])
        #expect(errors.first?.line == 1)
    }

    @Test func namesListBuiltInsAndUserThemes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("zebra.toml", "[roles]\n")
        try directory.write("light.toml", "[roles]\n")
        try directory.write("notes.txt", "not a theme")
        let names = Theme.names(userThemesDirectory: directory.path)
        #expect(names == (BuiltinThemes.names + ["zebra"]).sorted())
        #expect(Theme.names(userThemesDirectory: nil) == BuiltinThemes.names.sorted())
    }

    @Test func pathDetection() {
        #expect(ThemeLoader.isPath("./mine.toml"))
        #expect(ThemeLoader.isPath("mine.toml"))
        #expect(ThemeLoader.isPath("themes/mine"))
        #expect(!ThemeLoader.isPath("solarized-dark"))
    }
}
