import Testing

@testable import OpsDeckConfig

@Suite struct SuggestionTests {
    @Test func editDistance() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("regoins", "regions") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("same", "same") == 0)
    }

    @Test func closest() {
        #expect(Suggestion.closest(to: "organisations", in: ["organizations", "roles"]) == "organizations")
        #expect(Suggestion.closest(to: "xyz", in: ["organizations", "roles"]) == nil)
        #expect(Suggestion.closest(to: "Thme", in: ["theme", "profile"]) == "theme")
    }
}

@Suite struct BreakGlassSettingsTests {
    @Test func matchesByNamePathOrTag() {
        let settings = BreakGlassSettings()
        #expect(settings.matches(roleName: "BreakGlassAdmin"))
        #expect(settings.matches(roleName: "prod-break-glass"))
        #expect(settings.matches(roleName: "EmergencyAccess"))
        #expect(!settings.matches(roleName: "ReadOnly"))
        #expect(settings.matches(roleName: "Admin", path: "/breakglass/"))
        #expect(settings.matches(roleName: "Admin", tags: ["breakglass": "TRUE"]))
        #expect(!settings.matches(roleName: "Admin", tags: ["breakglass": "false"]))
        let anyTeam = BreakGlassSettings(rolePatterns: [], paths: [], tags: ["team": "*"])
        #expect(anyTeam.matches(roleName: "x", tags: ["team": "sre"]))
        #expect(!anyTeam.matches(roleName: "x"))
    }

    @Test func glob() {
        #expect(BreakGlassSettings.glob("a*c", matches: "abbbc"))
        #expect(BreakGlassSettings.glob("a?c", matches: "abc"))
        #expect(!BreakGlassSettings.glob("a?c", matches: "abbc"))
        #expect(BreakGlassSettings.glob("*", matches: ""))
        #expect(!BreakGlassSettings.glob("abc", matches: "abcd"))
        #expect(BreakGlassSettings.glob("*x*y", matches: "axbxy"))
    }
}
