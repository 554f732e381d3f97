import Synchronization

/// The standard retry mode's circuit breaker: a bucket that retries draw from and
/// successes refill, so a failing service is not hammered by every caller's retries.
///
/// Costs as the AWS SDKs' standard mode: 500 to start, a retry costs 5 (10 after a timeout),
/// a success without retries returns 1, a success after retries returns what its last retry
/// took. Shared by every call made through one `RetryPolicy`.
public final class RetryQuota: Sendable {
    /// The starting and largest capacity.
    public let capacity: Int
    /// What a retry costs.
    public let retryCost: Int
    /// What a retry after a timeout costs.
    public let timeoutRetryCost: Int
    /// What a success that needed no retry returns.
    public let successIncrement: Int

    private let available: Mutex<Int>

    /// Creates a full bucket.
    public init(
        capacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, successIncrement: Int = 1
    ) {
        self.capacity = capacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.successIncrement = successIncrement
        self.available = Mutex(capacity)
    }

    /// What is left.
    public var remaining: Int { available.withLock { $0 } }

    /// Takes `amount` if there is that much; false (and nothing taken) otherwise.
    public func acquire(_ amount: Int) -> Bool {
        available.withLock { value in
            guard value >= amount else { return false }
            value -= amount
            return true
        }
    }

    /// Returns `amount`, never above the capacity.
    public func release(_ amount: Int) {
        available.withLock { value in value = min(capacity, value + amount) }
    }
}
