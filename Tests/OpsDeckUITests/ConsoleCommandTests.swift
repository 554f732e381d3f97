import Testing

@testable import OpsDeckUI

@Suite struct ConsoleCommandTests {
    @Test(arguments: [
        ("q", ConsoleCommand.quit), ("q!", .quit), ("quit", .quit), ("exit", .quit), ("QUIT", .quit),
        ("help", .help), ("h", .help), ("Help", .help),
        ("refresh", .refresh),
        ("accounts", .pane(.accounts)), ("roles", .pane(.roles)), ("pipelines", .pane(.pipelines)),
        ("alerts", .pane(.alerts)), ("cost", .pane(.cost)), ("ROLES", .pane(.roles)),
        ("region us-west-2", .region("us-west-2")), ("region all", .region(nil)),
        ("  region   eu-west-1  ", .region("eu-west-1")),
        ("theme light", .theme("light")), ("theme ./my theme.toml", .theme("./my theme.toml")),
        ("filter prod", .filter("prod")), ("filter !~pay prod", .filter("!~pay prod")),
        ("filter", .filter("")),
        ("sort age", .sort("age")), ("SORT Title", .sort("Title")),
    ])
    func parses(text: String, expected: ConsoleCommand) throws {
        #expect(try ConsoleCommand.parse(text) == expected)
    }

    @Test(arguments: [
        ("", CommandError.empty),
        ("   ", .empty),
        ("region", .missingArgument("region", "a region such as us-west-2, or all")),
        ("region   ", .missingArgument("region", "a region such as us-west-2, or all")),
        ("theme", .missingArgument("theme", "a theme name or a path to a .toml file")),
        ("sort", .missingArgument("sort", "a column title")),
        ("bogus", .unknown("bogus")),
        ("Bogus arg", .unknown("bogus")),
        ("account", .unknown("account")),
    ])
    func rejects(text: String, expected: CommandError) {
        #expect(throws: expected) { try ConsoleCommand.parse(text) }
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(CommandError.empty.description == "Type a command, or Esc to cancel (:help lists them)")
        #expect(
            CommandError.unknown("x").description
                == "Unknown command :x (Tab completes; :help lists commands)")
        #expect(
            CommandError.missingArgument("region", "a region such as us-west-2, or all").description
                == ":region needs a region such as us-west-2, or all")
    }

    @Test func everyCatalogEntryParses() throws {
        for entry in ConsoleCommand.catalog {
            let text = entry.takesArgument ? "\(entry.name) x y" : entry.name
            _ = try ConsoleCommand.parse(text)
        }
        #expect(ConsoleCommand.catalog.count == 14)
    }

    static let regions = ["us-east-1", "us-west-2"]
    static let themes = ["default", "light", "solarized-dark"]

    @Test(arguments: [
        ("re", ["region ", "refresh"]),
        ("reg", ["region "]),
        ("REG", ["region "]),
        ("q", ["quit"]),
        ("a", ["accounts", "alerts", "assume ", "audit"]),
        ("zzz", []),
        ("region ", ["region us-east-1", "region us-west-2", "region all"]),
        ("region us-w", ["region us-west-2"]),
        ("Region US-W", ["region us-west-2"]),
        ("region a", ["region all"]),
        ("region  us-e", ["region us-east-1"]),
        ("theme s", ["theme solarized-dark"]),
        ("theme ", ["theme default", "theme light", "theme solarized-dark"]),
        ("sort x", []),
        ("filter ", []),
    ])
    func completions(text: String, expected: [String]) {
        #expect(ConsoleCommand.completions(for: text, regions: Self.regions, themes: Self.themes) == expected)
    }

    @Test func emptyLineCompletesToEveryCommand() {
        let all = ConsoleCommand.completions(for: "", regions: [], themes: [])
        #expect(all.count == ConsoleCommand.catalog.count)
        #expect(all.contains("region "))
        #expect(all.contains("cost"))
        #expect(
            all.filter { $0.hasSuffix(" ") }.sorted() == ["assume ", "filter ", "region ", "sort ", "theme "])
    }

    @Test(arguments: [
        ([String](), nil as String?),
        (["abc"], "abc"),
        (["region ", "refresh"], "re"),
        (["region us-east-1", "region us-west-2", "region all"], "region "),
        (["region us-east-1", "region us-east-2"], "region us-east-"),
        (["alpha", "beta"], ""),
        (["ab", "abc", "a"], "a"),
    ])
    func commonPrefix(options: [String], expected: String?) {
        #expect(ConsoleCommand.commonPrefix(options) == expected)
    }
}

/// Arguments are rebuilt from space-separated words, which loses runs of spaces.
@Suite struct ConsoleCommandArgumentTests {
    @Test(arguments: [
        ("filter a  b", ConsoleCommand.filter("a  b")),
        ("theme /tmp/my  theme.toml", .theme("/tmp/my  theme.toml")),
    ])
    func argumentsKeepInnerSpaces(text: String, expected: ConsoleCommand) throws {
        let parsed = try ConsoleCommand.parse(text)
        #expect(parsed == expected)
    }
}
