import Foundation
import GRDB

/// What every cache record shares: dates stored as seconds since 2001, so every `Date`
/// reads back exactly (seconds since 1970 lose the last bits).
protocol CacheRecord: Codable, FetchableRecord, PersistableRecord {}

extension CacheRecord {
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSinceReferenceDate
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSinceReferenceDate
    }
}
