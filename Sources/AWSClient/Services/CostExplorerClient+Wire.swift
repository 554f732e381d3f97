import Foundation
import OpsDeckCore

/// The JSON 1.1 shapes of the Cost Explorer operations this client uses.
enum CostExplorerWire {
    struct DateInterval: Codable {
        var Start: String
        var End: String

        init(start: Date, end: Date) {
            Start = AWSTimestamp.formatDay(start)
            End = AWSTimestamp.formatDay(end)
        }
    }

    struct GroupDefinition: Codable {
        var `Type`: String
        var Key: String
    }

    struct GetCostAndUsageInput: Encodable {
        var TimePeriod: DateInterval
        var Granularity: String
        var Metrics: [String]
        var GroupBy: [GroupDefinition]?
        var NextPageToken: String?
    }

    struct MetricValue: Decodable {
        var Amount: String?
        var Unit: String?
    }

    struct Group: Decodable {
        var Keys: [String]?
        var Metrics: [String: MetricValue]?
    }

    struct ResultByTime: Decodable {
        var TimePeriod: DateInterval?
        var Total: [String: MetricValue]?
        var Groups: [Group]?
        var Estimated: Bool?
    }

    struct DimensionValueAttribute: Decodable {
        var Value: String?
        var Attributes: [String: String]?
    }

    struct GetCostAndUsageOutput: Decodable {
        var NextPageToken: String?
        var ResultsByTime: [ResultByTime]?
        var DimensionValueAttributes: [DimensionValueAttribute]?
    }

    struct GetCostForecastInput: Encodable {
        var TimePeriod: DateInterval
        var Metric: String
        var Granularity: String
    }

    struct ForecastResult: Decodable {
        var TimePeriod: DateInterval?
        var MeanValue: String?
        var PredictionIntervalLowerBound: String?
        var PredictionIntervalUpperBound: String?
    }

    struct GetCostForecastOutput: Decodable {
        var Total: MetricValue?
        var ForecastResultsByTime: [ForecastResult]?
    }

    struct AnomalyDateInterval: Encodable {
        var StartDate: String
        var EndDate: String?
    }

    struct GetAnomaliesInput: Encodable {
        var MonitorArn: String?
        var DateInterval: AnomalyDateInterval
        var NextPageToken: String?
    }

    struct RootCause: Decodable {
        var Service: String?
        var Region: String?
        var LinkedAccount: String?
        var LinkedAccountName: String?
        var UsageType: String?
    }

    struct AnomalyScore: Decodable {
        var MaxScore: Double?
        var CurrentScore: Double?
    }

    struct Impact: Decodable {
        var MaxImpact: Double?
        var TotalImpact: Double?
    }

    struct Anomaly: Decodable {
        var AnomalyId: String
        var AnomalyStartDate: String?
        var AnomalyEndDate: String?
        var DimensionValue: String?
        var RootCauses: [RootCause]?
        var AnomalyScore: AnomalyScore?
        var Impact: Impact?
        var MonitorArn: String?
        var Feedback: String?

        var model: CostExplorerClient.CostAnomaly {
            func date(_ text: String?) -> Date? {
                text.flatMap { AWSTimestamp.parseDay($0) ?? AWSTimestamp.parseISO8601($0) }
            }
            return CostExplorerClient.CostAnomaly(
                id: AnomalyId, startDate: date(AnomalyStartDate), endDate: date(AnomalyEndDate),
                dimensionValue: DimensionValue,
                rootCauses: (RootCauses ?? []).map {
                    .init(
                        service: $0.Service, region: $0.Region, linkedAccount: $0.LinkedAccount,
                        linkedAccountName: $0.LinkedAccountName, usageType: $0.UsageType)
                },
                maxScore: AnomalyScore?.MaxScore ?? 0, currentScore: AnomalyScore?.CurrentScore ?? 0,
                maxImpact: Impact?.MaxImpact ?? 0, totalImpact: Impact?.TotalImpact, monitorArn: MonitorArn,
                feedback: Feedback)
        }
    }

    struct GetAnomaliesOutput: Decodable {
        var Anomalies: [Anomaly]?
        var NextPageToken: String?
    }

    /// Points per group and one total per period. A period may continue on the next page,
    /// so totals are merged by date: the service's own total when it sent one (it leaves
    /// it empty when grouping), else the sum of the groups.
    static func merge(
        _ results: [ResultByTime], metric: String, groupBy: CostExplorerClient.GroupBy?,
        accountNames: [String: String]
    ) -> CostExplorerClient.CostAndUsage {
        var points: [CostPoint] = []
        var order: [Date] = []
        var totals: [Date: CostExplorerClient.Total] = [:]
        var explicit: Set<Date> = []
        for result in results {
            guard let start = result.TimePeriod.flatMap({ AWSTimestamp.parseDay($0.Start) }) else { continue }
            if totals[start] == nil {
                order.append(start)
                totals[start] = .init(
                    date: start, amount: 0, currency: "USD", estimated: result.Estimated ?? false)
            }
            if let total = result.Total?[metric], let amount = total.Amount.flatMap(Double.init) {
                explicit.insert(start)
                totals[start]?.amount = amount
                totals[start]?.currency = total.Unit ?? "USD"
            }
            for group in result.Groups ?? [] {
                guard let key = group.Keys?.first, let value = group.Metrics?[metric],
                    let amount = value.Amount.flatMap(Double.init)
                else { continue }
                let currency = value.Unit ?? "USD"
                if let groupBy {
                    points.append(
                        CostPoint(
                            date: start, dimension: groupBy.dimension, key: key, amount: amount,
                            currency: currency))
                }
                if !explicit.contains(start) {
                    totals[start]?.amount += amount
                    totals[start]?.currency = currency
                }
            }
        }
        return CostExplorerClient.CostAndUsage(
            points: points, totals: order.compactMap { totals[$0] }, accountNames: accountNames)
    }
}
