import Foundation
import Testing

@testable import PagerDuty

@Test func restBaseURLIsHTTPS() throws {
    let url = try #require(URL(string: PagerDutyDefaults.restBaseURL))
    #expect(url.scheme == "https")
}
