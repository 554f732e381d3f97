import AWSSigV4
import Foundation
import Testing

@Suite("Signing timestamps")
struct AmzDateTests {
    @Test(
        "Known instants render in UTC, fractions dropped",
        arguments: [
            (1_440_938_160.0, "20150830T123600Z"), (0.0, "19700101T000000Z"),
            (1_709_251_199.999, "20240229T235959Z"), (951_868_800.0, "20000301T000000Z"),
            (-1.0, "19691231T235959Z"), (4_102_444_800.0, "21000101T000000Z"),
        ]
    )
    func knownInstants(seconds: Double, timestamp: String) {
        let date = AmzDate(Date(timeIntervalSince1970: seconds))
        #expect(date.timestamp == timestamp)
        #expect(date.dateStamp == String(timestamp.prefix(8)))
    }

    @Test("Agrees with Foundation's ISO 8601 formatter over 2000 seeded instants")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        var random = SplitMix64(seed: 2015)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double(random.below(4_102_444_800)))
            #expect(AmzDate(date).timestamp == formatter.string(from: date))
        }
    }
}
