import Foundation

/// How the last fetch of one source, for one account and region, went.
///
/// Global sources use `accountId` of the management account (or `*`) and region `global`.
public struct SourceStatus: Sendable, Hashable, Codable {
    public var source: Source
    public var accountId: String
    public var region: String
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    /// The last error's message, cleared by a later success.
    public var lastError: String?

    public init(
        source: Source, accountId: String, region: String, lastAttemptAt: Date? = nil,
        lastSuccessAt: Date? = nil,
        lastError: String? = nil
    ) {
        self.source = source
        self.accountId = accountId
        self.region = region
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
    }
}
