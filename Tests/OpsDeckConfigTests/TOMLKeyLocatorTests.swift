import Testing

@testable import OpsDeckConfig

@Suite struct TOMLKeyLocatorTests {
    typealias Position = TOMLKeyLocator.Position

    static let document = """
        # comment with key = value
        title = "x"   # trailing = comment
        [server]
        host.name = 'h'
        "quoted.key" = 1
        list = [
          "a", # element comment
          [1, 2],
          { inner = true },
        ]
        text = \"\"\"
        fake = "not a key"
        [not.a.table]
        \"\"\"
        after = 2
        [[item]]
        id = 1
        [[item]]
        id = 2
        [ spaced . "header" ]
        k = "é\\u00e9"
        """

    let locator = TOMLKeyLocator(text: Self.document)

    func key(_ path: TOMLKeyLocator.Path) -> Position? { locator.location(path)?.key }
    func value(_ path: TOMLKeyLocator.Path) -> Position? { locator.location(path)?.value }

    @Test func topLevelAndHeaders() {
        #expect(key([.key("title")]) == Position(line: 2, column: 1))
        #expect(value([.key("title")]) == Position(line: 2, column: 9))
        #expect(key([.key("server")]) == Position(line: 3, column: 2))
        #expect(locator.location([.key("comment")]) == nil)
    }

    @Test func dottedAndQuotedKeys() {
        #expect(key([.key("server"), .key("host")]) == Position(line: 4, column: 1))
        #expect(key([.key("server"), .key("host"), .key("name")]) == Position(line: 4, column: 6))
        #expect(value([.key("server"), .key("host"), .key("name")]) == Position(line: 4, column: 13))
        #expect(key([.key("server"), .key("quoted.key")]) == Position(line: 5, column: 1))
    }

    @Test func arraysAndInlineTables() {
        let list: TOMLKeyLocator.Path = [.key("server"), .key("list")]
        #expect(value(list + [.index(0)]) == Position(line: 7, column: 3))
        #expect(value(list + [.index(1)]) == Position(line: 8, column: 3))
        #expect(value(list + [.index(1), .index(1)]) == Position(line: 8, column: 7))
        #expect(key(list + [.index(2), .key("inner")]) == Position(line: 9, column: 5))
    }

    @Test func multilineStringsHideTheirContent() {
        #expect(locator.location([.key("server"), .key("fake")]) == nil)
        #expect(locator.location([.key("not")]) == nil)
        #expect(key([.key("server"), .key("after")]) == Position(line: 15, column: 1))
    }

    @Test func arrayOfTablesAndSpacedHeaders() {
        #expect(key([.key("item"), .index(0), .key("id")]) == Position(line: 17, column: 1))
        #expect(key([.key("item"), .index(1), .key("id")]) == Position(line: 19, column: 1))
        #expect(key([.key("spaced"), .key("header"), .key("k")]) == Position(line: 21, column: 1))
        #expect(value([.key("spaced"), .key("header"), .key("k")]) == Position(line: 21, column: 5))
    }

    @Test func nearestFallsBackToTheEnclosingKey() {
        let nearest = locator.nearest([.key("server"), .key("list"), .index(7)])
        #expect(nearest?.key == Position(line: 6, column: 1))
    }

    @Test func garbageDoesNotHang() {
        for text in [
            "[", "[[", "a = [", "a = {", "\"", "a = \"\"\"", "= = =", "a.b. = 1", "[a\nb = 1", "{}[]",
        ] {
            _ = TOMLKeyLocator(text: text)
        }
        let crlf = TOMLKeyLocator(text: "a = 1\r\nb = 2\r\n")
        #expect(crlf.location([.key("b")])?.key == Position(line: 2, column: 1))
    }
}
