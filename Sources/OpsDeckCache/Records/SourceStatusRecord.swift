import Foundation
import GRDB
import OpsDeckCore

/// A row of `source_status`: how the last fetch of one source for one account and region went.
struct SourceStatusRecord: Hashable, CacheRecord {
    static let databaseTableName = "source_status"

    var source: String
    var accountId: String
    var region: String
    var lastAttemptAt: Date?
    var lastSuccessAt: Date?
    var lastError: String?

    enum CodingKeys: String, CodingKey {
        case source
        case accountId = "account_id"
        case region
        case lastAttemptAt = "last_attempt_at"
        case lastSuccessAt = "last_success_at"
        case lastError = "last_error"
    }

    enum Columns {
        static let source = Column(CodingKeys.source)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let lastAttemptAt = Column(CodingKeys.lastAttemptAt)
        static let lastSuccessAt = Column(CodingKeys.lastSuccessAt)
        static let lastError = Column(CodingKeys.lastError)
    }

    /// The columns `decode` reads, by index.
    static let selectSQL = """
        SELECT source, account_id, region, last_attempt_at, last_success_at, last_error
        FROM source_status ORDER BY source, account_id, region
        """

    static func decode(_ row: RawRow, cache: inout DecodeCache) -> SourceStatus? {
        guard let source = Source(rawValue: cache.string(row, 0)) else { return nil }
        return SourceStatus(
            source: source, accountId: cache.string(row, 1), region: cache.string(row, 2),
            lastAttemptAt: row.optionalDate(3), lastSuccessAt: row.optionalDate(4),
            lastError: row.optionalString(5))
    }

    /// Marks a success: clears the error, keeps nothing of the failure.
    static let upsertSuccessSQL = """
        INSERT INTO source_status (source, account_id, region, last_attempt_at, last_success_at, last_error)
        VALUES (?, ?, ?, ?, ?, NULL)
        ON CONFLICT (source, account_id, region) DO UPDATE SET
            last_attempt_at = excluded.last_attempt_at,
            last_success_at = excluded.last_success_at,
            last_error = NULL
        """

    /// Marks a failure: keeps the last success so the UI can say how old the data is.
    static let upsertFailureSQL = """
        INSERT INTO source_status (source, account_id, region, last_attempt_at, last_success_at, last_error)
        VALUES (?, ?, ?, ?, NULL, ?)
        ON CONFLICT (source, account_id, region) DO UPDATE SET
            last_attempt_at = excluded.last_attempt_at,
            last_error = excluded.last_error
        """
}
