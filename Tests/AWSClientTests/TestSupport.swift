import AWSClient
import AWSSigV4
import Foundation
import OpsDeckHTTP
import Synchronization
import Testing

/// Credentials that never change (the SigV4 suite's example key pair).
struct FixedCredentials: CredentialProvider {
    var resolved: ResolvedCredentials

    init(
        _ credentials: AWSCredentials = TestCore.credentials, source: String = "test credentials",
        expiration: Date? = nil
    ) {
        resolved = ResolvedCredentials(credentials: credentials, expiration: expiration, source: source)
    }

    func credentials() async throws -> ResolvedCredentials { resolved }
}

/// A provider that always fails, as a missing profile would.
struct FailingCredentials: CredentialProvider {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "profile prod has no credentials" }
    }

    func credentials() async throws -> ResolvedCredentials { throw Failure() }
}

/// A transport that answers from a script, one step per request, and records each request.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(any Error)
    }

    private struct State {
        var steps: [Step]
        var requests: [HTTPRequest] = []
        var timeouts: [Duration] = []
    }

    private let state: Mutex<State>

    init(_ steps: [Step]) {
        state = Mutex(State(steps: steps))
    }

    convenience init(responses: [HTTPResponse]) {
        self.init(responses.map { .respond($0) })
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    var remainingSteps: Int { state.withLock { $0.steps.count } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let step = state.withLock { state -> Step? in
            state.requests.append(request)
            state.timeouts.append(timeout)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case nil:
            Issue.record("the client sent more requests than the script has answers")
            throw TransportError.connectionFailed(host: "script", reason: "script exhausted")
        }
    }
}

/// Records the delays a retry policy asks for instead of waiting.
final class SleepRecorder: Sendable {
    private let delays = Mutex<[Duration]>([])

    var recorded: [Duration] { delays.withLock { $0 } }

    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in delays.withLock { $0.append(duration) } }
    }
}

enum TestCore {
    /// 2024-05-01T12:30:45Z.
    static let date = Date(timeIntervalSince1970: 1_714_566_645)
    static let credentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    static func retry(
        _ recorder: SleepRecorder = SleepRecorder(), random: Double = 0.5, quota: RetryQuota? = nil,
        maxAttempts: Int = 3
    ) -> RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, quota: quota, sleep: recorder.sleep, random: { random })
    }

    static func make(
        _ transport: any HTTPTransport, region: String = "eu-west-1",
        endpoints: AWSEndpointResolver = AWSEndpointResolver(), retry: RetryPolicy = TestCore.retry(),
        credentials: any CredentialProvider = FixedCredentials(), accountId: String? = nil,
        profile: String? = nil
    ) -> AWSClientCore {
        AWSClientCore(
            region: region, credentialProvider: credentials, transport: transport, endpoints: endpoints,
            retryPolicy: retry, timeout: .seconds(5), now: { date }, accountId: accountId, profile: profile)
    }
}

extension HTTPResponse {
    /// An XML answer as the query protocol sends it.
    static func xml(_ body: String, status: Int = 200, requestId: String? = nil) -> HTTPResponse {
        var headers = [(name: "Content-Type", value: "text/xml")]
        if let requestId { headers.append((name: "x-amzn-RequestId", value: requestId)) }
        return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    /// A JSON answer labelled `text/html`, as moto labels it: the client must not care.
    static func json(
        _ body: String, status: Int = 200, requestId: String? = nil, contentType: String = "text/html"
    ) -> HTTPResponse {
        var headers = [(name: "Content-Type", value: contentType)]
        if let requestId { headers.append((name: "x-amzn-RequestId", value: requestId)) }
        return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }
}

extension HTTPRequest {
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A clock that moves one second each time it is read.
final class TickingClock: Sendable {
    private let seconds = Mutex(0.0)

    func tick() -> Date {
        seconds.withLock { value in
            defer { value += 1 }
            return TestCore.date.addingTimeInterval(value)
        }
    }
}
