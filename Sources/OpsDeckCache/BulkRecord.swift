import GRDB

/// A record written in bulk through one cached prepared statement rather than through
/// `Codable` encoding, which costs too much for tens of thousands of rows.
protocol BulkRecord {
    static var databaseTableName: String { get }
    /// The columns `bulkValues` lists, in order.
    static var bulkColumns: [String] { get }
    var bulkValues: [(any DatabaseValueConvertible)?] { get }
}

extension BulkRecord {
    static var bulkInsertSQL: String {
        let columns = bulkColumns.joined(separator: ", ")
        let marks = Array(repeating: "?", count: bulkColumns.count).joined(separator: ", ")
        return "INSERT INTO \(databaseTableName) (\(columns)) VALUES (\(marks))"
    }

    /// Inserts the records with one prepared statement; the caller owns the transaction.
    static func bulkInsert(_ records: some Sequence<Self>, in db: Database) throws {
        let statement = try db.cachedStatement(sql: bulkInsertSQL)
        for record in records {
            // The values come from our own records with the statement's own column list, so
            // the argument count always matches.
            statement.setUncheckedArguments(StatementArguments(record.bulkValues))
            try statement.execute()
        }
    }
}
