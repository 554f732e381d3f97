import AWSSigV4
import Foundation
import OpsDeckHTTP
import Synchronization
import Testing

@testable import AWSClient

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_714_557_600)) {  // 2024-05-01T10:00:00Z
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var function: @Sendable () -> Date { { self.now } }
}

/// Files by path; any other path does not exist.
struct FakeFiles: Sendable {
    var contents: [String: String]

    var reader: CredentialEnvironment.FileReader {
        { path in contents[path].map { Data($0.utf8) } }
    }
}

/// Scripted HTTP answers by method and URL; records every request.
final class FakeTransport: HTTPTransport, Sendable {
    enum Answer: Sendable {
        case response(HTTPResponse)
        case failure(TransportError)
    }

    private struct State {
        var routes: [String: [Answer]] = [:]
        var requests: [HTTPRequest] = []
        var timeouts: [Duration] = []
    }

    private let state = Mutex(State())

    /// Answers for one route, used in turn; the last one repeats.
    func on(_ method: String, _ url: String, _ answers: Answer...) {
        state.withLock { $0.routes["\(method) \(url)"] = answers }
    }

    func on(_ method: String, _ url: String, status: Int = 200, body: String) {
        on(method, url, .response(HTTPResponse(status: status, body: Data(body.utf8))))
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    var timeouts: [Duration] { state.withLock { $0.timeouts } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let answer: Answer? = state.withLock { state in
            state.requests.append(request)
            state.timeouts.append(timeout)
            let key = "\(request.method) \(request.url.absoluteString)"
            guard var answers = state.routes[key], let first = answers.first else { return nil }
            if answers.count > 1 {
                answers.removeFirst()
                state.routes[key] = answers
            }
            return first
        }
        switch answer {
        case .response(let response): return response
        case .failure(let error): throw error
        case nil:
            throw TransportError.connectionFailed(host: request.url.host ?? "?", reason: "no route in test")
        }
    }
}

/// Scripted `credential_process` outputs by command line; counts runs.
final class FakeProcesses: Sendable {
    private let state = Mutex<(outputs: [String: [ProcessOutput]], runs: [String])>(([:], []))

    func on(_ command: String, _ outputs: ProcessOutput...) {
        state.withLock { $0.outputs[command] = outputs }
    }

    var runs: [String] { state.withLock { $0.runs } }

    var runner: CredentialEnvironment.ProcessRunner {
        { command in
            try self.state.withLock { state in
                state.runs.append(command)
                guard var outputs = state.outputs[command], let first = outputs.first else {
                    throw CredentialError.processNotStarted(reason: "no such command in test")
                }
                if outputs.count > 1 {
                    outputs.removeFirst()
                    state.outputs[command] = outputs
                }
                return first
            }
        }
    }
}

/// Records STS calls and answers each with fresh numbered credentials.
final class FakeRoleAssumer: Sendable {
    struct Call: Sendable, Equatable {
        var kind: String
        var roleArn: String
        var sessionName: String
        var durationSeconds: Int?
        var externalId: String?
        var serialNumber: String?
        var tokenCode: String?
        var webIdentityToken: String?
        /// The access key id of the credentials the call was signed with; nil when unsigned.
        var signedWith: String?
    }

    private let state = Mutex<[Call]>([])
    let lifetime: TimeInterval
    let clock: TestClock

    init(clock: TestClock, lifetime: TimeInterval = 3_600) {
        self.clock = clock
        self.lifetime = lifetime
    }

    var calls: [Call] { state.withLock { $0 } }

    var factory: RoleAssumerFactory {
        { source in Assumer(owner: self, source: source) }
    }

    fileprivate func record(_ call: Call) -> AssumedRoleCredentials {
        let number = state.withLock { calls in
            calls.append(call)
            return calls.count
        }
        return AssumedRoleCredentials(
            credentials: AWSCredentials(
                accessKeyId: "ASIAROLE\(number)", secretAccessKey: "role-secret-\(number)",
                sessionToken: "role-token-\(number)"),
            expiration: clock.now.addingTimeInterval(lifetime),
            assumedRoleArn: call.roleArn.replacingOccurrences(of: ":role/", with: ":assumed-role/"))
    }

    private struct Assumer: RoleAssuming {
        let owner: FakeRoleAssumer
        let source: (any CredentialProvider)?

        func assumeRole(
            roleArn: String, sessionName: String, durationSeconds: Int?, externalId: String?,
            serialNumber: String?, tokenCode: String?, sourceIdentity: String?, tags: [String: String]
        ) async throws -> AssumedRoleCredentials {
            let signer = try await source?.credentials().credentials.accessKeyId
            return owner.record(
                Call(
                    kind: "AssumeRole", roleArn: roleArn, sessionName: sessionName,
                    durationSeconds: durationSeconds,
                    externalId: externalId, serialNumber: serialNumber, tokenCode: tokenCode,
                    signedWith: signer))
        }

        func assumeRoleWithWebIdentity(
            roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
        ) async throws -> AssumedRoleCredentials {
            let signer = try await source?.credentials().credentials.accessKeyId
            return owner.record(
                Call(
                    kind: "AssumeRoleWithWebIdentity", roleArn: roleArn, sessionName: sessionName,
                    durationSeconds: durationSeconds, webIdentityToken: webIdentityToken, signedWith: signer))
        }
    }
}

/// One hermetic world: HOME is /home/u, files and HTTP are fakes, IMDS answers nothing.
struct CredentialWorld {
    var variables: [String: String] = ["HOME": "/home/u"]
    var files: [String: String] = [:]
    let transport = FakeTransport()
    let processes = FakeProcesses()
    let clock = TestClock()
    let assumer: FakeRoleAssumer

    init() {
        assumer = FakeRoleAssumer(clock: clock)
    }

    var config: String {
        get { files["/home/u/.aws/config"] ?? "" }
        set { files["/home/u/.aws/config"] = newValue }
    }

    var credentialsFile: String {
        get { files["/home/u/.aws/credentials"] ?? "" }
        set { files["/home/u/.aws/credentials"] = newValue }
    }

    var environment: CredentialEnvironment {
        CredentialEnvironment(
            variables: variables, transport: transport, readFile: FakeFiles(contents: files).reader,
            runProcess: processes.runner, now: clock.function, sleep: { _ in })
    }

    func chain(profile: String? = nil, mfaPrompt: MFACodePrompt? = nil) -> CredentialChain {
        CredentialChain(
            profile: profile, environment: environment, makeAssumer: assumer.factory, mfaPrompt: mfaPrompt,
            ssoEndpoint: nil)
    }
}

/// Runs `body` and returns the `CredentialError` it threw.
func credentialError(_ body: () async throws -> Void) async -> CredentialError? {
    do {
        try await body()
        return nil
    } catch let error as CredentialError {
        return error
    } catch {
        Issue.record("expected a CredentialError, got \(error)")
        return nil
    }
}

func processOutput(_ json: String, status: Int32 = 0, stderr: String = "") -> ProcessOutput {
    ProcessOutput(status: status, standardOutput: Data(json.utf8), standardError: Data(stderr.utf8))
}
