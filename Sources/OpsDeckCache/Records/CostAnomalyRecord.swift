import Foundation
import GRDB
import OpsDeckCore

/// A row of `cost_anomalies`: one Cost Anomaly Detection finding, stored with the cost data.
struct CostAnomalyRecord: Hashable, CacheRecord {
    static let databaseTableName = "cost_anomalies"

    var id: String
    var startDate: Date
    var endDate: Date?
    var dimensionValue: String?
    var service: String?
    /// The linked account the anomaly is in; `accountId` is the refresh's scope.
    var anomalyAccountId: String?
    var accountName: String?
    var anomalyRegion: String?
    var usageType: String?
    var totalImpact: Double
    var maxImpact: Double
    var maxScore: Double
    var monitorArn: String?
    var feedback: String?
    var accountId: String
    var region: String
    var source: String
    var fetchedAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case startDate = "start_date"
        case endDate = "end_date"
        case dimensionValue = "dimension_value"
        case service
        case anomalyAccountId = "anomaly_account_id"
        case accountName = "account_name"
        case anomalyRegion = "anomaly_region"
        case usageType = "usage_type"
        case totalImpact = "total_impact"
        case maxImpact = "max_impact"
        case maxScore = "max_score"
        case monitorArn = "monitor_arn"
        case feedback
        case accountId = "account_id"
        case region
        case source
        case fetchedAt = "fetched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let totalImpact = Column(CodingKeys.totalImpact)
        static let startDate = Column(CodingKeys.startDate)
    }

    init(_ anomaly: CostAnomaly, scope: RefreshScope) {
        id = anomaly.id
        startDate = anomaly.startDate
        endDate = anomaly.endDate
        dimensionValue = anomaly.dimensionValue
        service = anomaly.service
        anomalyAccountId = anomaly.accountId
        accountName = anomaly.accountName
        anomalyRegion = anomaly.region
        usageType = anomaly.usageType
        totalImpact = anomaly.totalImpact
        maxImpact = anomaly.maxImpact
        maxScore = anomaly.maxScore
        monitorArn = anomaly.monitorArn
        feedback = anomaly.feedback?.rawValue
        accountId = scope.accountId
        region = scope.region
        source = scope.source.rawValue
        fetchedAt = scope.fetchedAt
    }

    var model: CostAnomaly {
        CostAnomaly(
            id: id, startDate: startDate, endDate: endDate, dimensionValue: dimensionValue, service: service,
            accountId: anomalyAccountId, accountName: accountName, region: anomalyRegion,
            usageType: usageType,
            totalImpact: totalImpact, maxImpact: maxImpact, maxScore: maxScore, monitorArn: monitorArn,
            feedback: feedback.flatMap(CostAnomaly.Feedback.init(rawValue:)))
    }
}
