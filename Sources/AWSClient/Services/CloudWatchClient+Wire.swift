import Foundation

/// The JSON 1.0 shapes of the CloudWatch operations this client uses.
enum CloudWatchWire {
    struct DescribeAlarmsInput: Encodable {
        var AlarmTypes: [String]
        var StateValue: String?
        var NextToken: String?
    }

    struct AlarmShape: Decodable {
        var AlarmName: String?
        var AlarmArn: String?
        var StateValue: String?
        var StateReason: String?
        var StateUpdatedTimestamp: Date?
        var Namespace: String?
        var MetricName: String?
        var Threshold: Double?
        var AlarmActions: [String]?
        var AlarmRule: String?
        var Dimensions: [DimensionShape]?
        var Statistic: String?
        var ExtendedStatistic: String?
        var Period: Int?
        var Unit: String?
    }

    struct DimensionShape: Decodable {
        var Name: String?
        var Value: String?
    }

    struct DescribeAlarmsOutput: Decodable {
        var MetricAlarms: [AlarmShape]?
        var CompositeAlarms: [AlarmShape]?
        var NextToken: String?
    }

    struct Dimension: Encodable {
        var Name: String
        var Value: String
    }

    struct Metric: Encodable {
        var Namespace: String
        var MetricName: String
        var Dimensions: [Dimension]
    }

    struct MetricStat: Encodable {
        var Metric: Metric
        var Period: Int
        var Stat: String
        var Unit: String?
    }

    struct MetricDataQuery: Encodable {
        var Id: String
        var MetricStat: MetricStat
        var Label: String?
        var ReturnData: Bool

        init(_ query: CloudWatchClient.MetricQuery) {
            Id = query.id
            MetricStat = CloudWatchWire.MetricStat(
                Metric: Metric(
                    Namespace: query.namespace, MetricName: query.metricName,
                    Dimensions: query.dimensions.sorted { $0.key < $1.key }.map {
                        Dimension(Name: $0.key, Value: $0.value)
                    }),
                Period: query.period, Stat: query.stat, Unit: query.unit)
            Label = query.label
            ReturnData = true
        }
    }

    struct GetMetricDataInput: Encodable {
        var MetricDataQueries: [MetricDataQuery]
        var StartTime: Date
        var EndTime: Date
        var NextToken: String?
        var ScanBy: String
    }

    struct MetricDataResult: Decodable {
        var Id: String
        var Label: String?
        var Timestamps: [Date]?
        var Values: [Double]?
        var StatusCode: String?
    }

    struct GetMetricDataOutput: Decodable {
        var MetricDataResults: [MetricDataResult]?
        var NextToken: String?
    }
}
