/// When and how long to wait before trying a call again: the AWS SDKs' standard mode.
///
/// At most `maxAttempts` attempts (3). Retried: throttling codes, transient codes, HTTP
/// 500/502/503/504, and failures with no answer (refused, reset, timed out). Never retried:
/// credentials, permissions, validation. The delay before retry `n` (1-based) is full
/// jitter, `random() * min(maxBackoff, baseDelay * 2^(n-1))`: up to 1 s, then 2 s, then 4 s,
/// capped at 20 s. Sleep and randomness are injected so tests never wait.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The ceiling of the first delay.
    public var baseDelay: Duration
    /// The largest ceiling of any delay.
    public var maxBackoff: Duration
    /// The circuit breaker shared by the calls of this policy; nil for none.
    public var quota: RetryQuota?
    /// Waits; `Task.sleep` outside tests.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in `0..<1`.
    public var random: @Sendable () -> Double

    /// Why a failed attempt may be retried.
    public enum Reason: String, Sendable, Hashable {
        case throttling
        case transient
        case timeout
        case connection
    }

    /// Creates a policy; the defaults are the standard mode's.
    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .seconds(1), maxBackoff: Duration = .seconds(20),
        quota: RetryQuota? = RetryQuota(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.quota = quota
        self.sleep = sleep
        self.random = random
    }

    /// One attempt only.
    public static var none: RetryPolicy { RetryPolicy(maxAttempts: 1, quota: nil) }

    /// The ceiling of the delay before retry `retry` (1 for the first retry).
    public func backoffCeiling(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(0, retry - 1), 30)
        let ceiling = baseDelay * (1 << exponent)
        return min(ceiling, maxBackoff)
    }

    /// The jittered delay before retry `retry`: a uniform draw below the ceiling.
    public func delay(beforeRetry retry: Int) -> Duration {
        let fraction = min(max(random(), 0), 1)
        return backoffCeiling(beforeRetry: retry) * fraction
    }

    /// Why `error` may be retried, or nil when it must not be.
    public static func retryReason(for error: AWSClientError) -> Reason? {
        switch error {
        case .service(let serviceError):
            switch serviceError.category {
            case .throttling: return .throttling
            case .transient: return .transient
            default: return nil
            }
        case .transport(let transportError, _, _):
            if case .timedOut = transportError { return .timeout }
            return .connection
        default:
            return nil
        }
    }

    /// What a retry for `reason` costs from the quota.
    func quotaCost(for reason: Reason) -> Int {
        guard let quota else { return 0 }
        return reason == .timeout ? quota.timeoutRetryCost : quota.retryCost
    }
}
