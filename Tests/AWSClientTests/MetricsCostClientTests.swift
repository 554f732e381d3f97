import AWSClient
import Foundation
import OpsDeckHTTP
import Testing

/// GetMetricData batching and paging, the alarm metrics DescribeAlarms gives, GetAnomalies
/// paging, and the Cost Explorer request counter.
struct MetricsCostClientTests {
    private static func query(_ index: Int) -> CloudWatchClient.MetricQuery {
        .init(
            id: "m\(index)", namespace: "AWS/EC2", metricName: "CPUUtilization", period: 300, stat: "Maximum")
    }

    @Test func describeAlarmsGivesTheMetricOfSingleMetricAlarmsOnly() async throws {
        let body = """
            {"MetricAlarms":[
            {"AlarmName":"cpu","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:cpu",
            "StateValue":"ALARM","Namespace":"AWS/EC2","MetricName":"CPUUtilization","Statistic":"Average",
            "Period":60,"Unit":"Percent","Threshold":80,
            "Dimensions":[{"Name":"InstanceId","Value":"i-1"},{"Name":"AutoScalingGroupName","Value":"web"}]},
            {"AlarmName":"p99","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:p99",
            "StateValue":"OK","Namespace":"AWS/ApplicationELB","MetricName":"TargetResponseTime",
            "ExtendedStatistic":"p99","Period":300,"Threshold":1.5},
            {"AlarmName":"math","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:math",
            "StateValue":"ALARM","Metrics":[{"Id":"e1","Expression":"m1/m2"}],"Threshold":1}
            ],"CompositeAlarms":[]}
            """
        let transport = ScriptedTransport(responses: [.json(body)])
        let listing = try await CloudWatchClient(core: TestCore.make(transport)).describeAlarmsWithMetrics()
        #expect(listing.alarms.map(\.name) == ["cpu", "p99", "math"])
        #expect(listing.metrics.count == 2)
        let cpu = try #require(listing.metrics["arn:aws:cloudwatch:eu-west-1:111122223333:alarm:cpu"])
        #expect(cpu.stat == "Average" && cpu.period == 60 && cpu.unit == "Percent")
        #expect(cpu.dimensions == ["InstanceId": "i-1", "AutoScalingGroupName": "web"])
        let p99 = try #require(listing.metrics["arn:aws:cloudwatch:eu-west-1:111122223333:alarm:p99"])
        #expect(p99.stat == "p99" && p99.dimensions.isEmpty)
        #expect(cpu.query(id: "m0").dimensions == cpu.dimensions)
    }

    @Test func getMetricDataSendsAtMost500QueriesARequestAndFollowsNextToken() async throws {
        let queries = (0..<501).map(Self.query)
        let transport = ScriptedTransport(responses: [
            .json(
                #"{"MetricDataResults":[{"Id":"m0","Label":"cpu","Timestamps":[1714566000],"Values":[10.5],"#
                    + #""StatusCode":"PartialData"}],"NextToken":"page-2"}"#),
            .json(
                #"{"MetricDataResults":[{"Id":"m0","Timestamps":[1714566300],"Values":[99],"#
                    + #""StatusCode":"Complete"},{"Id":"m1","Timestamps":[],"Values":[],"StatusCode":"Complete"}]}"#
            ),
            .json(
                #"{"MetricDataResults":[{"Id":"m500","Timestamps":[1714566300],"Values":[1],"#
                    + #""StatusCode":"Complete"}]}"#),
        ])
        let series = try await CloudWatchClient(core: TestCore.make(transport)).getMetricData(
            queries, start: TestCore.date.addingTimeInterval(-10_800), end: TestCore.date)
        #expect(transport.requests.count == 3)
        func queryCount(_ index: Int) throws -> Int {
            let object =
                try JSONSerialization.jsonObject(with: transport.requests[index].body) as? [String: Any]
            return (object?["MetricDataQueries"] as? [Any])?.count ?? -1
        }
        #expect(try queryCount(0) == 500)
        #expect(try queryCount(1) == 500)
        #expect(try queryCount(2) == 1)
        #expect(transport.requests[0].bodyText.contains(#""NextToken""#) == false)
        #expect(transport.requests[1].bodyText.contains(#""NextToken":"page-2""#))
        #expect(transport.requests[2].bodyText.contains(#""Id":"m500""#))
        #expect(!transport.requests[2].bodyText.contains(#""NextToken""#))
        let first = try #require(series.first { $0.id == "m0" })
        #expect(first.values == [10.5, 99])
        #expect(
            first.timestamps == [
                Date(timeIntervalSince1970: 1_714_566_000), Date(timeIntervalSince1970: 1_714_566_300),
            ])
        #expect(first.statusCode == "Complete")
        #expect(series.map(\.id) == ["m0", "m1", "m500"])
    }

    @Test func getAnomaliesSendsTheExactBodyAndPagesToTheEnd() async throws {
        let transport = ScriptedTransport(responses: [
            .json(
                #"{"Anomalies":[{"AnomalyId":"a1","AnomalyStartDate":"2024-04-20","#
                    + #""Impact":{"MaxImpact":10,"TotalImpact":25.5},"AnomalyScore":{"MaxScore":0.9,"CurrentScore":0.1}}],"#
                    + #""NextPageToken":"next/1"}"#),
            .json(
                #"{"Anomalies":[{"AnomalyId":"a2","AnomalyStartDate":"2024-04-29T00:00:00Z","#
                    + #""Impact":{"MaxImpact":3},"AnomalyScore":{"MaxScore":0.4,"CurrentScore":0.4},"#
                    + #""Feedback":"PLANNED_ACTIVITY"}]}"#),
        ])
        let start = try #require(AWSTimestamp.parseDay("2024-04-01"))
        let end = try #require(AWSTimestamp.parseDay("2024-05-01"))
        let anomalies = try await CostExplorerClient(core: TestCore.make(transport)).getAnomalies(
            start: start, end: end)
        #expect(transport.requests.count == 2)
        #expect(transport.requests[0].header("X-Amz-Target") == "AWSInsightsIndexService.GetAnomalies")
        #expect(transport.requests[0].header("Content-Type") == "application/x-amz-json-1.1")
        #expect(
            transport.requests[0].bodyText
                == #"{"DateInterval":{"EndDate":"2024-05-01","StartDate":"2024-04-01"}}"#)
        #expect(
            transport.requests[1].bodyText
                == #"{"DateInterval":{"EndDate":"2024-05-01","StartDate":"2024-04-01"},"NextPageToken":"next/1"}"#
        )
        #expect(anomalies.map(\.id) == ["a1", "a2"])
        #expect(anomalies[0].totalImpact == 25.5)
        #expect(anomalies[1].totalImpact == nil && anomalies[1].feedback == "PLANNED_ACTIVITY")
        #expect(anomalies[1].startDate == AWSTimestamp.parseDay("2024-04-29"))
    }

    @Test func theCounterCountsEveryAnsweredCostExplorerAttemptAndNothingElse() async throws {
        let throttled = HTTPResponse.json(
            #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#, status: 400)
        let script = ScriptedTransport([
            .respond(.json(#"{"ResultsByTime":[],"NextPageToken":"p2"}"#)),
            .respond(throttled),
            .fail(TransportError.connectionReset(host: "ce.us-east-1.amazonaws.com")),
            .respond(.json(#"{"ResultsByTime":[]}"#)),
            .respond(.json(#"{"Budgets":[]}"#)),
        ])
        let counter = CostExplorerClient.RequestCounter(wrapping: script)
        let recorder = SleepRecorder()
        let core = TestCore.make(
            counter, region: "us-east-1", retry: TestCore.retry(recorder, maxAttempts: 5))
        let start = try #require(AWSTimestamp.parseDay("2024-04-01"))
        _ = try await CostExplorerClient(core: core).getCostAndUsage(
            start: start, end: TestCore.date, granularity: .daily)
        #expect(counter.count == 3)
        _ = try await BudgetsClient(core: core).describeBudgets(accountId: "111122223333")
        #expect(counter.count == 3)
        #expect(script.requests.count == 5)
        #expect(recorder.recorded.count == 2)
    }
}
