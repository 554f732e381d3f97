import Foundation
import OpsDeckHTTP
import Synchronization

extension CostExplorerClient {
    /// A transport that counts the Cost Explorer requests going through it, because AWS
    /// charges each one (USD 0.01): every page and every retried attempt.
    ///
    /// A request counts once an answer came back, whatever its status (a throttled or failed
    /// answer is still billed); a connection that failed or timed out counts nothing.
    /// Requests to other services pass through uncounted, so one core can serve both Cost
    /// Explorer and Budgets.
    public final class RequestCounter: HTTPTransport {
        /// The transport that sends the bytes.
        public let base: any HTTPTransport
        private let counted = Mutex(0)
        private static let targetPrefix = "AWSInsightsIndexService."

        /// Wraps `base`.
        public init(wrapping base: any HTTPTransport) {
            self.base = base
        }

        /// Cost Explorer requests answered so far.
        public var count: Int { counted.withLock { $0 } }

        public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            let response = try await base.send(request, timeout: timeout)
            if Self.isCostExplorer(request) { counted.withLock { $0 += 1 } }
            return response
        }

        /// True for a Cost Explorer operation (its JSON 1.1 target names the service).
        public static func isCostExplorer(_ request: HTTPRequest) -> Bool {
            request.headers.contains {
                $0.name.lowercased() == "x-amz-target" && $0.value.hasPrefix(targetPrefix)
            }
        }
    }
}
