import OpsDeckCore
import Testing

@Suite struct TextFilterTests {
    private func passes(_ query: String, _ text: String) -> Bool {
        TextFilter(query: query).matches(TextFilter.fold(text))
    }

    @Test(arguments: [
        ("prod", "payments-prod", true),
        ("prod", "payments-dev", false),
        ("PROD", "Payments-Prod", true),
        ("pAyM", "PAYMENTS", true),
        ("aab", "aaab", true),
        ("xyz", "abcxyz", true),
        ("abc", "ab", false),
        ("ab", "", false),
        ("-prod", "payments-prod", true),
        ("a b", "a b c", true),
        ("ab", "a b", false),
    ])
    func substring(query: String, text: String, expected: Bool) {
        #expect(passes(query, text) == expected)
    }

    @Test func substringIsTheDefaultMode() {
        let filter = TextFilter(query: "Prod")
        #expect(filter.mode == .substring)
        #expect(!filter.inverted)
        #expect(filter.query == "Prod")
        #expect(filter.pattern == Array("prod".utf8))
    }

    @Test func caseFoldingCoversASCIIOnly() {
        // Documented: case is ignored for ASCII letters only.
        #expect(TextFilter.fold("ÀBC") == Array("Àbc".utf8))
        #expect(passes("é", "café"))
        #expect(!passes("É", "café"))
        #expect(TextFilter.fold("AZaz@[`{") == Array("azaz@[`{".utf8))
    }

    @Test(arguments: [
        ("~pda", "prod-account", true),
        ("~adp", "prod-account", false),
        ("~PrAc", "prod-account", true),
        ("~prodaccount", "prod-account", true),
        ("~pp", "prod-account", false),
        ("~a", "", false),
        ("~zz", "z", false),
    ])
    func fuzzy(query: String, text: String, expected: Bool) {
        #expect(TextFilter(query: query).mode == .fuzzy)
        #expect(passes(query, text) == expected)
    }

    @Test(arguments: [
        ("!prod", "payments-prod", false),
        ("!prod", "payments-dev", true),
        ("!prod", "", true),
        ("!~pda", "prod-account", false),
        ("!~pda", "dev-account", true),
    ])
    func inverted(query: String, text: String, expected: Bool) {
        #expect(TextFilter(query: query).inverted)
        #expect(passes(query, text) == expected)
    }

    @Test func invertedFuzzyParsesBothMarkers() {
        let filter = TextFilter(query: "!~abc")
        #expect(filter.inverted)
        #expect(filter.mode == .fuzzy)
        #expect(filter.pattern == Array("abc".utf8))
    }

    @Test func tildeBeforeBangIsAFuzzyPatternStartingWithBang() {
        let filter = TextFilter(query: "~!x")
        #expect(!filter.inverted)
        #expect(filter.mode == .fuzzy)
        #expect(filter.pattern == Array("!x".utf8))
    }

    @Test(arguments: ["", "!", "~", "!~"])
    func markersAloneAreEmptyAndLetEverythingThrough(query: String) {
        let filter = TextFilter(query: query)
        #expect(filter.isEmpty)
        #expect(filter.matches(TextFilter.fold("anything")))
        #expect(filter.matches([]))
    }

    @Test func nonEmptyIsNotEmpty() {
        #expect(!TextFilter(query: "a").isEmpty)
        #expect(!TextFilter(query: "!a").isEmpty)
    }

    @Test(arguments: [
        ("ab", "a", true),
        ("abc", "abc", true),
        ("~abc", "~ab", true),
        ("a", "ab", false),
        ("b", "a", false),
        ("xab", "ab", false),
        ("~ab", "a", false),
        ("ab", "~a", false),
        ("!ab", "!a", false),
        ("!a", "!ab", false),
        ("!a", "a", false),
        ("a", "", true),
    ])
    func narrows(current: String, previous: String, expected: Bool) {
        #expect(TextFilter(query: current).narrows(TextFilter(query: previous)) == expected)
    }

    /// Whenever `narrows` says yes, every row the new filter passes must have passed the
    /// old one, or the incremental filter in PaneState would drop rows.
    @Test func narrowsIsSoundOverRandomStrings() {
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array("abcAB -")
        func word(_ max: Int) -> String {
            String(
                (0..<Int.random(in: 0...max, using: &rng)).map { _ in
                    alphabet.randomElement(using: &rng) ?? "a"
                })
        }
        let prefixes = ["", "~", "!", "!~"]
        var checked = 0
        for round in 0..<400 {
            let marker = prefixes.randomElement(using: &rng) ?? ""
            let text = word(5)
            // Half the pairs are a query and its own prefix (as typing makes them), half random.
            let previousQuery =
                round.isMultiple(of: 2)
                ? marker + String(text.prefix(Int.random(in: 0...text.count, using: &rng)))
                : (prefixes.randomElement(using: &rng) ?? "") + word(3)
            let previous = TextFilter(query: previousQuery)
            let current = TextFilter(query: marker + text)
            guard current.narrows(previous) else { continue }
            for _ in 0..<20 {
                let hay = TextFilter.fold(word(8))
                if current.matches(hay) {
                    #expect(previous.matches(hay), "\(current.query) narrows \(previous.query)")
                }
            }
            checked += 1
        }
        #expect(checked > 20)
    }

    /// The byte-level substring search agrees with a naive search at every offset.
    @Test func substringAgreesWithStringSearchOverRandomStrings() {
        var rng = SeededGenerator(seed: 7)
        let alphabet = Array("aab")
        func word(_ max: Int) -> String {
            String(
                (0..<Int.random(in: 0...max, using: &rng)).map { _ in
                    alphabet.randomElement(using: &rng) ?? "a"
                })
        }
        for _ in 0..<500 {
            let needle = word(4)
            let hay = word(10)
            let expected =
                needle.isEmpty
                || hay.utf8.count >= needle.utf8.count
                    && (0...(hay.utf8.count - needle.utf8.count)).contains { start in
                        Array(hay.utf8)[start..<(start + needle.utf8.count)].elementsEqual(needle.utf8)
                    }
            #expect(passes(needle, hay) == expected, "\(needle) in \(hay)")
        }
    }
}
