import Foundation
import OpsDeckHTTP

/// When to try a request again and how long to wait first.
public struct PagerDutyRetryPolicy: Sendable {
    /// Total tries, the first included.
    public var maxAttempts: Int
    /// Wait before the second try; doubled for each further one.
    public var baseDelay: Duration
    /// The longest wait, whatever a header asks for.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(60)
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before try number `attempt + 1` after `response`, or nil to stop.
    ///
    /// 429 honours `Retry-After` (seconds) or PagerDuty's `ratelimit-reset`; 5xx backs off.
    /// Other answers are final.
    public func delay(after response: HTTPResponse, attempt: Int) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        switch response.status {
        case 429:
            let header = response.header("Retry-After") ?? response.header("ratelimit-reset")
            if let header, let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
                return min(.milliseconds(Int(seconds * 1000)), maxDelay)
            }
            return backoff(attempt)
        case 500...599: return backoff(attempt)
        default: return nil
        }
    }

    /// The wait after a failure below HTTP, or nil to stop. A write whose connection was
    /// dropped mid-way is not repeated: PagerDuty may have taken it (a note would double).
    public func delay(after error: TransportError, attempt: Int, isWrite: Bool) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        if isWrite, case .connectionFailed = error {
            return backoff(attempt)
        }
        return isWrite ? nil : backoff(attempt)
    }

    func backoff(_ attempt: Int) -> Duration {
        let factor = 1 << min(max(attempt - 1, 0), 16)
        return min(baseDelay * factor, maxDelay)
    }
}
