import Foundation
import GRDB
import OpsDeckCore

/// A row of `pipeline_runs`: one run of a pipeline, build, workflow or deployment.
struct PipelineRunRecord: Hashable, CacheRecord, BulkRecord {
    static let databaseTableName = "pipeline_runs"

    var id: String
    var kind: String
    var name: String
    var status: String
    var stage: String?
    /// `trigger` and `commit` are SQL keywords, hence the longer column names.
    var triggeredBy: String?
    var commitSha: String?
    var startedAt: Date
    var finishedAt: Date?
    var url: String?
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case kind
        case name
        case status
        case stage
        case triggeredBy = "triggered_by"
        case commitSha = "commit_sha"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case url
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let kind = Column(CodingKeys.kind)
        static let status = Column(CodingKeys.status)
        static let startedAt = Column(CodingKeys.startedAt)
        static let accountId = Column(CodingKeys.accountId)
        static let region = Column(CodingKeys.region)
        static let source = Column(CodingKeys.source)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    init(_ run: PipelineRun, scope: RefreshScope) {
        id = run.id
        kind = run.kind.rawValue
        name = run.name
        status = run.status.rawValue
        stage = run.stage
        triggeredBy = run.trigger
        commitSha = run.commit
        startedAt = run.startedAt
        finishedAt = run.finishedAt
        url = run.url
        accountId = run.accountId
        region = run.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    static let bulkColumns = CodingKeys.allCases.map(\.rawValue)

    var bulkValues: [(any DatabaseValueConvertible)?] {
        [
            id, kind, name, status, stage, triggeredBy, commitSha, startedAt.timeIntervalSinceReferenceDate,
            finishedAt?.timeIntervalSinceReferenceDate, url, accountId, region, source,
            fetchedAt.timeIntervalSinceReferenceDate,
        ]
    }

    /// The columns `decode` reads, by index, in storage order (sorted in Swift: SQLite would
    /// sort the 20,000 wide rows in a temporary B-tree, several times slower).
    static let selectSQL = """
        SELECT id, kind, account_id, region, name, status, stage, triggered_by, commit_sha, started_at,
            finished_at, url
        FROM pipeline_runs
        """

    static func decode(_ row: RawRow, cache: inout DecodeCache) -> PipelineRun {
        PipelineRun(
            id: row.string(0), kind: PipelineRun.Kind(rawValue: cache.string(row, 1)) ?? .codePipeline,
            accountId: cache.string(row, 2), region: cache.string(row, 3), name: cache.string(row, 4),
            status: PipelineRun.Status(rawValue: cache.string(row, 5)) ?? .queued,
            stage: cache.optionalString(row, 6), trigger: cache.optionalString(row, 7),
            commit: row.optionalString(8), startedAt: row.date(9), finishedAt: row.optionalDate(10),
            url: row.optionalString(11))
    }
}
