import TerminalKit
import Testing

@Suite struct KeyValueListTests {
    private let entries: [KeyValueList.Entry] = [
        .init("Account", "prod"),
        .init("OU", "Root/Prod", valuePaint: role("prod.text")),
        .section("Tags"),
        .init("owner", "payments"),
    ]

    @Test func alignedKeysAndSections() {
        let list = KeyValueList(entries: entries, keyPaint: role("muted"), valuePaint: role("text"))
        let buffer = render(30, 5) { list.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(lines(buffer) == ["Account: prod", "OU:      Root/Prod", "Tags", "owner:   payments", ""])
        #expect(buffer.roleRuns(inRow: 1).map(\.role) == ["muted", "text", "prod.text"])
        #expect(buffer.roleRuns(inRow: 1)[2].columns == 9..<30)
    }

    @Test func scrollingClampsTheOffset() {
        var list = KeyValueList(entries: entries, offset: 5)
        var used = -1
        let buffer = render(30, 3) { used = list.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(used == 1)
        #expect(lines(buffer) == ["OU:      Root/Prod", "Tags", "owner:   payments"])
        list.offset = -3
        let top = render(30, 3) { used = list.draw(into: &$0, area: $0.bounds, glyphs: .unicode) }
        #expect(top.text.hasPrefix("Account"))
        #expect(used == 0)
        #expect(KeyValueList.maxOffset(count: 4, height: 3) == 1)
        #expect(KeyValueList.maxOffset(count: 2, height: 3) == 0)
    }

    @Test func longValuesAreTruncatedAndAScrollbarShows() {
        var list = KeyValueList(entries: [.init("ARN", "arn:aws:iam::123456789012:role/Admin")] + entries)
        list.showsScrollbar = true
        let buffer = render(20, 2) { list.draw(into: &$0, area: $0.bounds, glyphs: .ascii) }
        #expect(lines(buffer) == ["ARN:     arn:aws...#", "Account: prod      |"])
    }
}
