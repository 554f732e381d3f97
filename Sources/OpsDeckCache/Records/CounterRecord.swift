import GRDB

/// A row of `counters`: a count per name and UTC day, such as Cost Explorer requests
/// (each one is charged).
struct CounterRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "counters"

    static let costExplorerRequests = "cost_explorer_requests"

    var name: String
    /// `YYYY-MM-DD`, UTC.
    var day: String
    var value: Int

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let day = Column(CodingKeys.day)
        static let value = Column(CodingKeys.value)
    }
}
