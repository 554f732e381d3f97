import AWSClient
import AWSSigV4
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Synchronization
import Testing

/// The alarms and cost providers on scripted answers: which metrics are fetched, what a
/// failed GetMetricData leaves, and that Cost Explorer requests are counted even when the
/// fetch fails.
struct MetricsCostProviderTests {
    /// Answers by `X-Amz-Target` operation, in order per operation; records what was sent.
    final class ScriptedTransport: HTTPTransport {
        private let state: Mutex<(answers: [String: [HTTPResponse]], sent: [HTTPRequest])>

        init(_ answers: [String: [HTTPResponse]]) {
            state = Mutex((answers, []))
        }

        var sent: [HTTPRequest] { state.withLock { $0.sent } }

        func operations() -> [String] {
            sent.map { request in
                let target = request.headers.first { $0.name.lowercased() == "x-amz-target" }?.value ?? ""
                return String(target.split(separator: ".").last ?? "")
            }
        }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            let target = request.headers.first { $0.name.lowercased() == "x-amz-target" }?.value ?? ""
            let operation = String(target.split(separator: ".").last ?? "")
            return try state.withLock { state in
                state.sent.append(request)
                guard var queue = state.answers[operation], !queue.isEmpty else {
                    throw TransportError.connectionFailed(
                        host: "script", reason: "no answer for \(operation)")
                }
                let answer = queue.removeFirst()
                state.answers[operation] = queue
                return answer
            }
        }
    }

    static let now = Date(timeIntervalSince1970: 1_795_521_600)

    static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [(name: "Content-Type", value: "text")], body: Data(text.utf8))
    }

    static func core(_ transport: any HTTPTransport) -> AWSClientCore {
        AWSClientCore(
            region: "eu-west-1",
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret"), source: "test"),
            transport: transport,
            retryPolicy: RetryPolicy(maxAttempts: 3, quota: nil, sleep: { _ in }, random: { 0 }),
            now: { now }, accountId: "111122223333")
    }

    static let alarms = """
        {"MetricAlarms":[
        {"AlarmName":"old","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:old","StateValue":"ALARM",
        "StateUpdatedTimestamp":1795500000,"Namespace":"AWS/EC2","MetricName":"CPUUtilization","Statistic":"Average",
        "Period":300,"Threshold":80,"Dimensions":[{"Name":"InstanceId","Value":"i-1"}]},
        {"AlarmName":"new","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:new","StateValue":"ALARM",
        "StateUpdatedTimestamp":1795510000,"Namespace":"AWS/SQS","MetricName":"ApproximateAgeOfOldestMessage",
        "ExtendedStatistic":"p90","Period":60,"Threshold":600},
        {"AlarmName":"fine","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:fine","StateValue":"OK",
        "StateUpdatedTimestamp":1795510000,"Namespace":"AWS/EC2","MetricName":"CPUUtilization","Statistic":"Average",
        "Period":300,"Threshold":80}],
        "CompositeAlarms":[{"AlarmName":"both","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:both",
        "StateValue":"ALARM","StateUpdatedTimestamp":1795515000,"AlarmRule":"ALARM(old)"}]}
        """

    @Test func onlyMetricAlarmsInAlarmAreFetchedNewestFirstWithinTheLimit() async throws {
        let transport = ScriptedTransport([
            "DescribeAlarms": [Self.json(Self.alarms)],
            "GetMetricData": [
                Self.json(
                    #"{"MetricDataResults":[{"Id":"m0","Timestamps":[1795521000,1795520940],"Values":[700,650],"#
                        + #""StatusCode":"Complete"}]}"#)
            ],
        ])
        let fetched = try await AlarmsProvider(core: Self.core(transport), maxSeries: 1).fetchWithSeries(
            accountId: "111122223333", now: Self.now)
        #expect(fetched.alarms.count == 4)
        #expect(fetched.seriesError == nil)
        #expect(transport.operations() == ["DescribeAlarms", "GetMetricData"])
        let body = try #require(transport.sent.last.map { String(decoding: $0.body, as: UTF8.self) })
        #expect(
            body
                == #"{"EndTime":1795521600,"MetricDataQueries":[{"Id":"m0","MetricStat":{"Metric":{"#
                + #""Dimensions":[],"MetricName":"ApproximateAgeOfOldestMessage","Namespace":"AWS/SQS"},"#
                + #""Period":60,"Stat":"p90"},"ReturnData":true}],"ScanBy":"TimestampAscending","#
                + #""StartTime":1795510800}"#)
        let series = try #require(fetched.series.first)
        #expect(fetched.series.count == 1)
        #expect(series.alarmArn == "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:new")
        #expect(series.region == "eu-west-1" && series.accountId == "111122223333")
        #expect(series.values == [650, 700])
        #expect(series.start == Self.now.addingTimeInterval(-10_800) && series.end == Self.now)
    }

    @Test func aFailedGetMetricDataKeepsTheAlarms() async throws {
        let denied = Self.json(
            #"{"__type":"AccessDenied","message":"not authorized to perform: cloudwatch:GetMetricData"}"#,
            status: 403)
        let transport = ScriptedTransport([
            "DescribeAlarms": [Self.json(Self.alarms)], "GetMetricData": [denied],
        ])
        let fetched = try await AlarmsProvider(core: Self.core(transport)).fetchWithSeries(
            accountId: "111122223333", now: Self.now)
        #expect(fetched.alarms.count == 4)
        #expect(fetched.series.isEmpty)
        #expect(fetched.seriesError != nil)
    }

    @Test func noAlarmInAlarmMeansNoGetMetricData() async throws {
        let transport = ScriptedTransport([
            "DescribeAlarms": [Self.json(#"{"MetricAlarms":[],"CompositeAlarms":[]}"#)]
        ])
        let fetched = try await AlarmsProvider(core: Self.core(transport)).fetchWithSeries(
            accountId: "111122223333", now: Self.now)
        #expect(fetched.series.isEmpty && fetched.seriesError == nil)
        #expect(transport.operations() == ["DescribeAlarms"])
    }

    @Test func costExplorerRequestsAreCountedEvenWhenTheFetchFails() async throws {
        let throttled = Self.json(#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#, status: 400)
        let denied = Self.json(
            #"{"__type":"AccessDeniedException","message":"no ce:GetAnomalies"}"#, status: 400)
        let empty = Self.json(#"{"ResultsByTime":[]}"#)
        let transport = ScriptedTransport([
            "GetCostAndUsage": [
                Self.json(#"{"ResultsByTime":[],"NextPageToken":"2"}"#), throttled, empty, empty,
                empty, empty,
            ],
            "GetCostForecast": [Self.json(#"{"Total":{"Amount":"10","Unit":"USD"}}"#)],
            "GetAnomalies": [denied],
        ])
        let cache = try CacheDatabase.inMemory()
        await #expect(throws: AWSClientError.self) {
            _ = try await CostProvider(core: Self.core(transport), cache: cache).fetch(
                managementAccountId: "111122223333", today: Self.now)
        }
        // 2 pages + 1 retry + 3 GetCostAndUsage, the forecast and the refused GetAnomalies.
        #expect(transport.sent.count == 8)
        #expect(try cache.snapshot(now: Self.now).cost.costExplorerRequestsToday == 8)
    }

    @Test func anomalyMappingTakesTheFirstRootCause() {
        let wire = CostExplorerClient.CostAnomaly(
            id: "a", startDate: nil, endDate: Self.now, dimensionValue: "Amazon EC2",
            rootCauses: [
                .init(service: "EC2", region: "us-east-1", linkedAccount: "1", linkedAccountName: "one"),
                .init(service: "S3"),
            ],
            maxScore: 0.5, maxImpact: 12, totalImpact: nil, feedback: "NO")
        let anomaly = CostProvider.anomaly(wire, fallbackStart: Self.now.addingTimeInterval(-86_400))
        #expect(anomaly.service == "EC2" && anomaly.accountId == "1" && anomaly.accountName == "one")
        #expect(anomaly.startDate == Self.now.addingTimeInterval(-86_400))
        #expect(anomaly.totalImpact == 12 && anomaly.maxImpact == 12)
        #expect(anomaly.feedback == .no)
    }
}
