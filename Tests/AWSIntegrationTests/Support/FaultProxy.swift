import Foundation

/// Fixtures/fault_proxy.py in front of moto or the fixture server: forwards requests with
/// their Host header intact (signatures still verify upstream) and injects the faults its
/// ``FaultRules`` pick, per account, key, service, target or path.
///
/// Prefer ``withFaultProxy(upstream:rules:_:)``, which stops it on every path out of the test.
final class FaultProxy: Sendable {
    /// Counters (`GET /_proxy/stats`).
    struct Stats: Decodable, Sendable {
        struct RuleStats: Decodable, Sendable {
            let id: String
            let fault: FaultRules.Kind
            /// Requests that matched, including those let through by `skip` or after `times`.
            let matched: Int
            let injected: Int
            let remaining: Int
        }

        /// Requests seen (control requests aside).
        let requests: Int
        /// Requests sent upstream (delayed ones included).
        let forwarded: Int
        /// Injections per fault kind (`throttle`, `error`, `reset`, `close`, `delay`).
        let injected: [String: Int]
        let rules: [RuleStats]
        /// Access key id to account id, learned and configured.
        let accounts: [String: String]

        /// The counters of the rule with `id`.
        func rule(_ id: String) -> RuleStats? { rules.first { $0.id == id } }
    }

    /// One request in the log (`GET /_proxy/log`).
    struct LogEntry: Decodable, Sendable {
        let method: String
        let path: String
        let service: String?
        let region: String?
        let accessKey: String?
        let account: String?
        let target: String?
        let action: String?
        let fault: FaultRules.Kind?
        let rule: String?

        enum CodingKeys: String, CodingKey {
            case method, path, service, region, account, target, action, fault, rule
            case accessKey = "access_key"
        }
    }

    private let server: PythonServer

    /// `http://127.0.0.1:<port>`: point the client here instead of at the upstream.
    var endpoint: URL { server.endpoint }

    private init(server: PythonServer) { self.server = server }

    /// Starts a proxy for `upstream` with `rules`.
    static func start(upstream: URL, rules: FaultRules = FaultRules()) async throws -> FaultProxy {
        let encoded = try JSONEncoder().encode(rules)
        let server = try await PythonServer.start(script: "fault_proxy.py") { scratch in
            let file = try scratch.write(encoded, to: "rules.json")
            return ["--upstream", upstream.absoluteString, "--rules", file.path]
        }
        return FaultProxy(server: server)
    }

    /// Replaces the rules and routes (rule counters restart; learned accounts stay).
    /// - Throws: `IntegrationError.http` with the proxy's reason when it refuses them.
    @discardableResult
    func setRules(_ rules: FaultRules) async throws -> Stats {
        let answer = try await LoopbackHTTP.send(
            "POST", try server.url("/_proxy/rules"),
            headers: [.init(name: "Content-Type", value: "application/json")],
            body: try JSONEncoder().encode(rules))
        guard answer.status == 200 else {
            throw IntegrationError.http("fault proxy refused the rules: HTTP \(answer.status) \(answer.text)")
        }
        return try answer.decode(Stats.self)
    }

    /// The counters now.
    func stats() async throws -> Stats {
        try await LoopbackHTTP.send("GET", try server.url("/_proxy/stats")).decode(Stats.self)
    }

    /// The requests seen, oldest first (at most 5000).
    func log() async throws -> [LogEntry] {
        struct Log: Decodable { let requests: [LogEntry] }
        return try await LoopbackHTTP.send("GET", try server.url("/_proxy/log")).decode(Log.self).requests
    }

    /// Zeroes every counter and the log (rules stay).
    @discardableResult
    func reset() async throws -> Stats {
        try await LoopbackHTTP.send("POST", try server.url("/_proxy/reset")).decode(Stats.self)
    }

    /// Stops the proxy. Idempotent.
    func stop() async { await server.stop() }

    /// Whether the proxy process still runs.
    var isRunning: Bool { server.isRunning }

    /// Its stderr, for failure messages.
    var log: String { server.log }
}

/// Runs `body` with a fault proxy in front of `upstream`, stopped however `body` ends.
func withFaultProxy<T: Sendable>(
    upstream: URL, rules: FaultRules = FaultRules(), _ body: (FaultProxy) async throws -> T
) async throws -> T {
    let proxy = try await FaultProxy.start(upstream: upstream, rules: rules)
    do {
        let result = try await body(proxy)
        await proxy.stop()
        return result
    } catch {
        await proxy.stop()
        throw error
    }
}
