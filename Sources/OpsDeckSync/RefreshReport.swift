import OpsDeckCore

/// What one refresh did: how many fetches succeeded and which failed, with the message
/// also written to the cache's source status.
public struct RefreshReport: Sendable, Hashable {
    /// One failed fetch.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        /// The source that failed.
        public var source: Source
        /// The account it was read for (`*` when none could be).
        public var accountId: String
        /// The region, `global` for global sources (`*` when none could be).
        public var region: String
        /// What the user sees: the account, the region, what failed and what to do.
        public var message: String

        /// Creates a failure.
        public init(source: Source, accountId: String, region: String, message: String) {
            self.source = source
            self.accountId = accountId
            self.region = region
            self.message = message
        }

        /// The message.
        public var description: String { message }
    }

    /// Fetches that were written to the cache.
    public var succeeded: Int
    /// Fetches that failed, in no particular order.
    public var failures: [Failure]

    /// Creates a report.
    public init(succeeded: Int = 0, failures: [Failure] = []) {
        self.succeeded = succeeded
        self.failures = failures
    }

    /// Whether every fetch succeeded.
    public var isComplete: Bool { failures.isEmpty }
    /// The sources with at least one failed fetch.
    public var failedSources: Set<Source> { Set(failures.map(\.source)) }
    /// The accounts with at least one failed fetch.
    public var failedAccounts: Set<String> { Set(failures.map(\.accountId)) }
}
