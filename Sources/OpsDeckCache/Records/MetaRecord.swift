import GRDB

/// A row of `meta`: one named value about the cache itself (its write version, the demo's stamp).
struct MetaRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meta"

    /// Bumped by every write transaction; becomes `OrgSnapshot.version`.
    static let versionKey = "version"

    var key: String
    var value: String

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let value = Column(CodingKeys.value)
    }
}
