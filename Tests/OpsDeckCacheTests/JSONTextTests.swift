import Testing

@testable import OpsDeckCache

@Suite struct JSONTextTests {
    @Test(arguments: [
        [:], ["a": "b"], ["Environment": "prod", "Owner": "payments-team"], ["quote\"d": "back\\slash"],
        ["line": "one\ntwo\tthree"], ["unicode": "café ☕ 日本"], ["control": "\u{01}"],
    ])
    func objectsRoundTrip(_ tags: [String: String]) {
        #expect(JSONText.decodeObject(JSONText.encode(tags)) == tags)
    }

    @Test(arguments: [[], ["a"], ["x", "y\"z", ""]])
    func arraysRoundTrip(_ list: [String]) {
        #expect(JSONText.decodeArray(JSONText.encode(list)) == list)
    }

    @Test func keysAreSortedSoEqualTagsStoreEqualText() {
        #expect(JSONText.encode(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
    }

    @Test func foreignSpacingFallsBackToFoundation() {
        #expect(JSONText.decodeObject(#"{ "a" : "1" }"#) == ["a": "1"])
        #expect(JSONText.decodeArray(#"[ "a", "b" ]"#) == ["a", "b"])
    }

    @Test func unreadableTextDecodesEmpty() {
        #expect(JSONText.decodeObject("not json").isEmpty)
        #expect(JSONText.decodeArray("{\"a\":1}").isEmpty)
    }
}
