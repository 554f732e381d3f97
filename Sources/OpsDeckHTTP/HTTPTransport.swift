/// Sends one HTTP request. The AsyncHTTPClient transport is the real one; tests may
/// point it at loopback peers (moto, fixture servers, the fault proxy).
public protocol HTTPTransport: Sendable {
    /// - Throws: `TransportError` for a connection that failed, was reset or timed out,
    ///   so retries can tell them from answers.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

/// Failures below HTTP: no answer at all.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    case connectionFailed(host: String, reason: String)
    case connectionReset(host: String)
    case timedOut(host: String, after: Duration)

    public var description: String {
        switch self {
        case .connectionFailed(let host, let reason): "could not connect to \(host): \(reason)"
        case .connectionReset(let host): "the connection to \(host) was dropped"
        case .timedOut(let host, let after): "no answer from \(host) within \(after)"
        }
    }
}
