import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real transport: one shared AsyncHTTPClient over an event loop group.
///
/// Redirects are not followed (a redirected AWS call would need a new signature), and a
/// failed connection fails at once instead of being retried inside the HTTP client: the
/// retry policy decides. Call `shutdown()` before dropping the last reference.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    /// The largest body read; AWS list pages are far smaller.
    public let maximumBodyBytes: Int

    /// Creates a transport.
    /// - Parameters:
    ///   - eventLoopGroup: the group to run on; the process-wide singleton by default.
    ///   - connectTimeout: how long to wait for a TCP (and TLS) connection.
    ///   - maximumBodyBytes: the largest answer accepted.
    ///   - connectionsPerHost: connections open at once to one host. AsyncHTTPClient's
    ///     default, 8, would queue a 16-wide fan-out whose calls share a host (IAM, STS,
    ///     Organizations are global; an `--endpoint-url` makes every call one host).
    public init(
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        connectTimeout: Duration = .seconds(10), maximumBodyBytes: Int = 64 * 1024 * 1024,
        connectionsPerHost: Int = 8
    ) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = HTTPClient.Configuration.Timeout(
            connect: .nanoseconds(Self.nanoseconds(connectTimeout)))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, connectionsPerHost)
        configuration.decompression = .disabled
        self.client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Closes every connection. Sending afterwards fails.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let host = request.url.host ?? request.url.absoluteString
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .RAW(value: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        do {
            let response = try await client.execute(
                outgoing, deadline: .now() + .nanoseconds(Self.nanoseconds(timeout)))
            let buffer = try await response.body.collect(upTo: maximumBodyBytes)
            return HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: Data(buffer.readableBytesView))
        } catch {
            throw Self.transportError(error, host: host, timeout: timeout)
        }
    }

    /// Maps the HTTP client's and NIO's errors to the three kinds retries tell apart.
    static func transportError(_ error: any Error, host: String, timeout: Duration) -> any Error {
        if error is CancellationError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return TransportError.timedOut(host: host, after: timeout)
            case .remoteConnectionClosed:
                return TransportError.connectionReset(host: host)
            case .cancelled:
                return CancellationError()
            default:
                return TransportError.connectionFailed(host: host, reason: String(describing: error))
            }
        }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first {
                return TransportError.connectionFailed(host: host, reason: describe(first.error))
            }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return TransportError.connectionFailed(host: host, reason: "the host name does not resolve")
            }
            return TransportError.connectionFailed(host: host, reason: "no address to connect to")
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return TransportError.timedOut(host: host, after: timeout)
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return TransportError.connectionReset(host: host)
            default: return TransportError.connectionFailed(host: host, reason: String(describing: error))
            }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNRESET, EPIPE, ECONNABORTED: return TransportError.connectionReset(host: host)
            case ETIMEDOUT: return TransportError.timedOut(host: host, after: timeout)
            default: return TransportError.connectionFailed(host: host, reason: describe(error))
            }
        }
        return TransportError.connectionFailed(host: host, reason: String(describing: error))
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused (is the endpoint running?)"
            case EHOSTUNREACH, ENETUNREACH: return "host unreachable"
            default: return String(cString: strerror(error.errnoCode))
            }
        }
        return String(describing: error)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
