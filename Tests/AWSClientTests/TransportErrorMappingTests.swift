import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import OpsDeckHTTP

/// How the AsyncHTTPClient transport names the failures retries tell apart.
struct TransportErrorMappingTests {
    func mapped(_ error: any Error) -> TransportError? {
        AsyncHTTPTransport.transportError(error, host: "h", timeout: .seconds(3)) as? TransportError
    }

    @Test func timeouts() {
        for error in [HTTPClientError.connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout] {
            #expect(mapped(error) == .timedOut(host: "h", after: .seconds(3)), "\(error)")
        }
        #expect(mapped(ChannelError.connectTimeout(.seconds(1))) == .timedOut(host: "h", after: .seconds(3)))
    }

    @Test func resets() {
        #expect(mapped(HTTPClientError.remoteConnectionClosed) == .connectionReset(host: "h"))
        #expect(mapped(ChannelError.eof) == .connectionReset(host: "h"))
        #expect(mapped(IOError(errnoCode: ECONNRESET, reason: "read")) == .connectionReset(host: "h"))
    }

    @Test func otherFailuresAreConnectionFailures() {
        guard
            case .connectionFailed(_, let reason) = mapped(
                IOError(errnoCode: ECONNREFUSED, reason: "connect"))
        else {
            Issue.record("expected connectionFailed")
            return
        }
        #expect(reason.contains("refused"))
    }

    @Test func cancellationStaysCancellation() {
        #expect(
            AsyncHTTPTransport.transportError(CancellationError(), host: "h", timeout: .seconds(1))
                is CancellationError)
        #expect(
            AsyncHTTPTransport.transportError(HTTPClientError.cancelled, host: "h", timeout: .seconds(1))
                is CancellationError)
    }
}
