import AWSClient
import Foundation
import OpsDeckHTTP
import Testing

/// The standard retry mode, driven by a scripted transport and a recorded sleeper.
struct RetryTests {
    static let throttled = HTTPResponse.xml(
        """
        <ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>
        <RequestId>throttle-1</RequestId></ErrorResponse>
        """, status: 400)
    static let internalError = HTTPResponse.json(
        #"{"__type":"InternalFailure","message":"An internal error occurred"}"#, status: 500)
    static let ok = HTTPResponse.xml(RequestEncodingTests.callerIdentityXML)

    func call(
        _ steps: [ScriptedTransport.Step], random: Double = 0.5, quota: RetryQuota? = nil
    ) async -> (result: Result<STSCallerIdentity, AWSClientError>, attempts: Int, sleeps: [Duration]) {
        let transport = ScriptedTransport(steps)
        let recorder = SleepRecorder()
        let core = TestCore.make(transport, retry: TestCore.retry(recorder, random: random, quota: quota))
        let result: Result<STSCallerIdentity, AWSClientError>
        do {
            result = .success(try await STSClient(core: core).getCallerIdentity())
        } catch {
            result = .failure(error)
        }
        return (result, transport.requests.count, recorder.recorded)
    }

    @Test(arguments: [0.0, 0.5, 0.999])
    func throttledThenSuccessTakesTwoAttempts(random: Double) async throws {
        let (result, attempts, sleeps) = await call(
            [.respond(Self.throttled), .respond(Self.ok)], random: random)
        #expect(try result.get().account == "123456789012")
        #expect(attempts == 2)
        #expect(sleeps.count == 1)
        let delay = try #require(sleeps.first)
        #expect(delay >= .zero && delay < .seconds(1), "the first delay is full jitter below 1 s")
        #expect(delay == .seconds(1) * random)
    }

    @Test func threeFailuresGiveUpAfterExactlyThreeAttempts() async throws {
        let steps = Array(repeating: ScriptedTransport.Step.respond(Self.internalError), count: 5)
        let (result, attempts, sleeps) = await call(steps)
        #expect(attempts == 3)
        #expect(sleeps == [.milliseconds(500), .seconds(1)], "ceilings 1 s then 2 s, times the draw 0.5")
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.serviceError?.code == "InternalFailure")
        #expect(error.serviceError?.httpStatus == 500)
    }

    @Test func authFailuresAreTriedOnce() async throws {
        let denied = HTTPResponse.xml(
            "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>no</Message></Error></ErrorResponse>",
            status: 403)
        let (result, attempts, sleeps) = await call([.respond(denied), .respond(Self.ok)])
        #expect(attempts == 1)
        #expect(sleeps.isEmpty)
        #expect(throws: AWSClientError.self) { try result.get() }
    }

    @Test func validationErrorsAreTriedOnce() async throws {
        let invalid = HTTPResponse.json(#"{"__type":"ValidationException","message":"bad"}"#, status: 400)
        let (_, attempts, _) = await call([.respond(invalid), .respond(Self.ok)])
        #expect(attempts == 1)
    }

    @Test func aResetConnectionIsRetried() async throws {
        let (result, attempts, sleeps) = await call([
            .fail(TransportError.connectionReset(host: "sts.eu-west-1.amazonaws.com")), .respond(Self.ok),
        ])
        #expect(try result.get().arn == "arn:aws:iam::123456789012:user/alice")
        #expect(attempts == 2)
        #expect(sleeps.count == 1)
    }

    @Test func timeoutsExhaustIntoATransportErrorThatCountsAttempts() async throws {
        let timeout = TransportError.timedOut(host: "sts.eu-west-1.amazonaws.com", after: .seconds(5))
        let (result, attempts, _) = await call(Array(repeating: .fail(timeout), count: 3))
        #expect(attempts == 3)
        guard case .failure(.transport(let error, let context, let count)) = result else {
            Issue.record("expected a transport failure, got \(result)")
            return
        }
        #expect(error == timeout)
        #expect(count == 3)
        #expect(context.operation == "GetCallerIdentity")
        let text = AWSClientError.transport(error, context: context, attempts: count).description
        #expect(text.contains("STS GetCallerIdentity"))
        #expect(text.contains("after 3 attempts"))
    }

    @Test func foreignTransportErrorsCountAsNoAnswer() async throws {
        struct SocketGone: Error {}
        let (result, attempts, _) = await call([.fail(SocketGone()), .respond(Self.ok)])
        #expect(attempts == 2)
        #expect((try? result.get()) != nil)
    }

    @Test func tooManyRequestsWithoutABodyIsThrottling() async throws {
        let (_, attempts, _) = await call([.respond(HTTPResponse(status: 429)), .respond(Self.ok)])
        #expect(attempts == 2)
    }

    @Test func backoffCeilingsDoubleUpToTwentySeconds() {
        let policy = RetryPolicy(random: { 1 })
        let ceilings = (1...7).map { policy.backoffCeiling(beforeRetry: $0) }
        #expect(ceilings == [1, 2, 4, 8, 16, 20, 20].map { .seconds($0) })
        #expect(policy.maxAttempts == 3)
        #expect(RetryPolicy.none.maxAttempts == 1)
    }

    @Test func anEmptyQuotaStopsRetries() async throws {
        let quota = RetryQuota(capacity: 4)
        let (_, attempts, sleeps) = await call([.respond(Self.throttled), .respond(Self.ok)], quota: quota)
        #expect(attempts == 1)
        #expect(sleeps.isEmpty)
        #expect(quota.remaining == 4)
    }

    @Test func theQuotaIsTakenByRetriesAndRefilledBySuccesses() async throws {
        let quota = RetryQuota(capacity: 20)
        _ = await call([.respond(Self.throttled), .respond(Self.ok)], quota: quota)
        #expect(quota.remaining == 20, "a success after a retry returns what the retry took")
        _ = await call(
            [.respond(Self.throttled), .respond(Self.throttled), .respond(Self.throttled)], quota: quota)
        #expect(quota.remaining == 10, "two failed retries cost 5 each")
        let timeout = TransportError.timedOut(host: "h", after: .seconds(1))
        _ = await call([.fail(timeout), .fail(timeout), .fail(timeout)], quota: quota)
        #expect(quota.remaining == 0, "a retry after a timeout costs 10; the second finds the bucket empty")
        _ = await call([.respond(Self.ok)], quota: quota)
        #expect(quota.remaining == 1)
    }

    @Test func cancellingTheSleepEndsTheCall() async throws {
        let transport = ScriptedTransport([.respond(Self.throttled), .respond(Self.ok)])
        let policy = RetryPolicy(quota: nil, sleep: { _ in throw CancellationError() }, random: { 0.5 })
        let core = TestCore.make(transport, retry: policy)
        let error = await #expect(throws: AWSClientError.self) {
            try await STSClient(core: core).getCallerIdentity()
        }
        guard case .cancelled = error else {
            Issue.record("expected cancelled, got \(String(describing: error))")
            return
        }
        #expect(transport.requests.count == 1)
    }
}
