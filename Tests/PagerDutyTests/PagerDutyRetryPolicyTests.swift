import Foundation
import OpsDeckHTTP
import Testing

@testable import PagerDuty

@Suite struct PagerDutyRetryPolicyTests {
    let policy = PagerDutyRetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(500), maxDelay: .seconds(30))

    @Test(arguments: [
        ([("Retry-After", "7")], Duration.seconds(7)),
        ([("ratelimit-reset", "12")], .seconds(12)),
        ([("Retry-After", "3600")], .seconds(30)),
        ([("Retry-After", "soon")], .milliseconds(500)),
        ([], .milliseconds(500)),
    ])
    func rateLimitHonoursTheHeaders(headers: [(String, String)], expected: Duration) {
        let response = HTTPResponse(status: 429, headers: headers.map { (name: $0.0, value: $0.1) })
        #expect(policy.delay(after: response, attempt: 1) == expected)
    }

    @Test func serverErrorsBackOffAndStop() {
        let response = HTTPResponse(status: 502)
        #expect(policy.delay(after: response, attempt: 1) == .milliseconds(500))
        #expect(policy.delay(after: response, attempt: 2) == .seconds(1))
        #expect(policy.delay(after: response, attempt: 3) == .seconds(2))
        #expect(policy.delay(after: response, attempt: 4) == nil)
    }

    @Test(arguments: [200, 201, 400, 401, 403, 404, 409])
    func otherAnswersAreFinal(status: Int) {
        #expect(policy.delay(after: HTTPResponse(status: status), attempt: 1) == nil)
    }

    @Test func aWriteIsRepeatedOnlyWhenItNeverLeft() {
        let refused = TransportError.connectionFailed(host: "h", reason: "refused")
        let dropped = TransportError.connectionReset(host: "h")
        let slow = TransportError.timedOut(host: "h", after: .seconds(5))
        #expect(policy.delay(after: refused, attempt: 1, isWrite: true) != nil)
        #expect(policy.delay(after: dropped, attempt: 1, isWrite: true) == nil)
        #expect(policy.delay(after: slow, attempt: 1, isWrite: true) == nil)
        #expect(policy.delay(after: dropped, attempt: 1, isWrite: false) != nil)
        #expect(policy.delay(after: slow, attempt: 4, isWrite: false) == nil)
    }
}
