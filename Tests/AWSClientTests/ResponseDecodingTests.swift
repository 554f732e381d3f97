import AWSClient
import Foundation
import OpsDeckCore
import Testing

/// Answers written after the examples in the AWS API references, labelled with the
/// `Content-Type` moto sends (often wrong), decoded into OpsDeck values.
struct ResponseDecodingTests {
    @Test func stsCallerIdentity() async throws {
        let transport = ScriptedTransport(responses: [.xml(RequestEncodingTests.callerIdentityXML)])
        let identity = try await STSClient(core: TestCore.make(transport)).getCallerIdentity()
        #expect(
            identity
                == STSCallerIdentity(
                    account: "123456789012", arn: "arn:aws:iam::123456789012:user/alice",
                    userId: "AIDAEXAMPLEUSERID"))
    }

    @Test func stsAssumeRoleCredentials() async throws {
        let xml = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <SourceIdentity>alice</SourceIdentity>
                <AssumedRoleUser>
                  <Arn>arn:aws:sts::210987654321:assumed-role/OpsDeckRead/opsdeck</Arn>
                  <AssumedRoleId>ARO123EXAMPLE123:opsdeck</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
                  <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
                  <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>
                  <Expiration>2024-05-01T13:30:45.000000Z</Expiration>
                </Credentials>
                <PackedPolicySize>6</PackedPolicySize>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(xml)])
        let role = try await STSClient(core: TestCore.make(transport)).assumeRole(
            roleArn: "arn:aws:iam::210987654321:role/OpsDeckRead", sessionName: "opsdeck")
        #expect(role.credentials.accessKeyId == "ASIAIOSFODNN7EXAMPLE")
        #expect(role.credentials.secretAccessKey == "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")
        #expect(role.credentials.sessionToken?.hasPrefix("AQoDYXdzEPT//") == true)
        #expect(role.expiration == TestCore.date.addingTimeInterval(3600))
        #expect(role.assumedRoleArn == "arn:aws:sts::210987654321:assumed-role/OpsDeckRead/opsdeck")
        #expect(role.accountId == "210987654321")
        #expect(role.sourceIdentity == "alice")
        #expect(role.packedPolicySize == 6)
        #expect(!"\(role)".contains("wJalrXUtnFEMI"), "printing the result must not leak the secret")
        let resolved = role.resolved(source: "role OpsDeckRead")
        #expect(resolved.expiration == role.expiration)
    }

    @Test func organizationsTree() async throws {
        let transport = ScriptedTransport(responses: [
            .json(
                """
                {"Organization":{"Id":"o-exampleorgid","Arn":"arn:aws:organizations::111111111111:organization/o-exampleorgid",
                "FeatureSet":"ALL","MasterAccountArn":"arn:aws:organizations::111111111111:account/o-exampleorgid/111111111111",
                "MasterAccountId":"111111111111","MasterAccountEmail":"bill@example.com",
                "AvailablePolicyTypes":[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"}]}}
                """),
            .json(
                """
                {"Roots":[{"Id":"r-examplerootid111","Name":"Root",
                "Arn":"arn:aws:organizations::111111111111:root/o-exampleorgid/r-examplerootid111","PolicyTypes":[]}]}
                """),
            .json(
                """
                {"OrganizationalUnits":[{"Id":"ou-examplerootid111-exampleouid111","Name":"Workloads",
                "Arn":"arn:aws:organizations::111111111111:ou/o-exampleorgid/ou-examplerootid111-exampleouid111"}],
                "NextToken":"page2"}
                """),
            .json(
                #"{"OrganizationalUnits":[{"Id":"ou-examplerootid111-exampleouid222","Name":"Security"}]}"#),
            .json(
                """
                {"Accounts":[{"Id":"333333333333","Arn":"arn:aws:organizations::111111111111:account/o-exampleorgid/333333333333",
                "Email":"prod@example.com","Name":"Prod","Status":"ACTIVE","JoinedMethod":"CREATED",
                "JoinedTimestamp":1481835741.044},
                {"Id":"444444444444","Email":"old@example.com","Name":"Old","Status":"ACTIVE","State":"CLOSED",
                "JoinedMethod":"INVITED","JoinedTimestamp":1481835795.536}]}
                """),
            .json(#"{"Tags":[{"Key":"Environment","Value":"prod"},{"Key":"CostCenter","Value":"42"}]}"#),
        ])
        let client = OrganizationsClient(core: TestCore.make(transport))
        let organization = try await client.describeOrganization()
        #expect(organization.id == "o-exampleorgid")
        #expect(organization.managementAccountId == "111111111111")
        #expect(organization.managementAccountEmail == "bill@example.com")
        let roots = try await client.listRoots()
        #expect(roots.map(\.id) == ["r-examplerootid111"])
        let units = try await client.listOrganizationalUnits(parentId: "r-examplerootid111")
        #expect(units.map(\.name) == ["Workloads", "Security"])
        #expect(units[0].organizationalUnit(parentPath: "Root").path == "Root/Workloads")
        let accounts = try await client.listAccounts(parentId: units[0].id)
        #expect(accounts.map(\.id) == ["333333333333", "444444444444"])
        #expect(accounts[0].status == .active)
        #expect(accounts[0].joinedAt == Date(timeIntervalSince1970: 1_481_835_741.044))
        #expect(accounts[1].status == nil && accounts[1].rawStatus == "CLOSED")
        let tags = try await client.listTags(resourceId: "333333333333")
        #expect(tags == ["Environment": "prod", "CostCenter": "42"])
        let account = accounts[0].account(
            ouId: units[0].id, ouPath: "Root/Workloads", tags: tags,
            managementAccountId: organization.managementAccountId)
        #expect(account.environment == .prod)
        #expect(account.isManagement == false)
        #expect(transport.requests[3].bodyText == #"{"NextToken":"page2","ParentId":"r-examplerootid111"}"#)
    }

    static let mfaTrustPolicyEncoded =
        "%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%22Statement%22%3A%20%5B%0A%20%20%20%20%7B"
        + "%0A%20%20%20%20%20%20%22Effect%22%3A%20%22Allow%22%2C%0A%20%20%20%20%20%20%22Principal%22%3A%20%7B"
        + "%22AWS%22%3A%20%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aroot%22%7D%2C%0A%20%20%20%20%20%20%22Action"
        + "%22%3A%20%22sts%3AAssumeRole%22%2C%0A%20%20%20%20%20%20%22Condition%22%3A%20%7B%22Bool%22%3A%20%7B"
        + "%22aws%3AMultiFactorAuthPresent%22%3A%20true%7D%2C%20%22NumericLessThan%22%3A%20%7B%22aws%3AMulti"
        + "FactorAuthAge%22%3A%203600%7D%7D%0A%20%20%20%20%7D%0A%20%20%5D%0A%7D"

    static let mfaTrustPolicyCanonical =
        #"{"Statement":[{"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":true},"#
        + #""NumericLessThan":{"aws:MultiFactorAuthAge":3600}},"Effect":"Allow","#
        + #""Principal":{"AWS":"arn:aws:iam::111122223333:root"}}],"Version":"2012-10-17"}"#

    @Test func iamRolesAcrossMarkerPages() async throws {
        let page1 = """
            <ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <ListRolesResult>
                <IsTruncated>true</IsTruncated>
                <Marker>AAIAAAAAAAAAAf8=</Marker>
                <Roles>
                  <member>
                    <Path>/ops/</Path>
                    <Arn>arn:aws:iam::123456789012:role/ops/BreakGlass</Arn>
                    <RoleName>BreakGlass</RoleName>
                    <AssumeRolePolicyDocument>\(Self.mfaTrustPolicyEncoded)</AssumeRolePolicyDocument>
                    <CreateDate>2019-03-04T10:11:12Z</CreateDate>
                    <RoleId>AROACVSVTSZYEXAMPLEYK</RoleId>
                    <MaxSessionDuration>3600</MaxSessionDuration>
                  </member>
                </Roles>
              </ListRolesResult>
              <ResponseMetadata><RequestId>20f7279f-99ee-11e1-a4c3-27EXAMPLE804</RequestId></ResponseMetadata>
            </ListRolesResponse>
            """
        let page2 = """
            <ListRolesResponse><ListRolesResult><IsTruncated>false</IsTruncated><Roles><member>
            <Path>/</Path><Arn>arn:aws:iam::123456789012:role/ReadOnly</Arn><RoleName>ReadOnly</RoleName>
            <AssumeRolePolicyDocument>{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":\
            {"Service":"ec2.amazonaws.com"}}],"Version":"2012-10-17"}</AssumeRolePolicyDocument>
            <CreateDate>2021-07-08T09:10:11.123456Z</CreateDate><MaxSessionDuration>43200</MaxSessionDuration>
            <RoleLastUsed><LastUsedDate>2024-04-30T08:00:00Z</LastUsedDate><Region>eu-west-1</Region></RoleLastUsed>
            </member></Roles></ListRolesResult></ListRolesResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(page1), .xml(page2)])
        let roles = try await IAMClient(core: TestCore.make(transport)).listRoles()
        #expect(roles.map(\.name) == ["BreakGlass", "ReadOnly"])
        #expect(roles[0].trustPolicy == Self.mfaTrustPolicyCanonical)
        #expect(roles[0].accountId == "123456789012")
        #expect(roles[0].path == "/ops/")
        #expect(roles[0].createdAt == AWSTimestamp.parseISO8601("2019-03-04T10:11:12Z"))
        #expect(roles[1].maxSessionDuration == 43200)
        #expect(roles[1].lastUsedAt == AWSTimestamp.parseISO8601("2024-04-30T08:00:00Z"))
        #expect(
            roles[1].trustPolicy
                == #"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","#
                + #""Principal":{"Service":"ec2.amazonaws.com"}}],"Version":"2012-10-17"}"#)
        #expect(
            transport.requests[1].bodyText == "Action=ListRoles&Version=2010-05-08&Marker=AAIAAAAAAAAAAf8%3D")
    }

    @Test func iamRoleTagsAndAliases() async throws {
        let tags = """
            <ListRoleTagsResponse><ListRoleTagsResult><IsTruncated>false</IsTruncated><Tags>
            <member><Key>opsdeck:break-glass</Key><Value>true</Value></member>
            <member><Key>Team</Key><Value>Platform</Value></member></Tags></ListRoleTagsResult></ListRoleTagsResponse>
            """
        let aliases = """
            <ListAccountAliasesResponse><ListAccountAliasesResult><IsTruncated>false</IsTruncated>
            <AccountAliases><member>acme-prod</member></AccountAliases></ListAccountAliasesResult>
            </ListAccountAliasesResponse>
            """
        let empty = """
            <ListAccountAliasesResponse><ListAccountAliasesResult><IsTruncated>false</IsTruncated>
            <AccountAliases/></ListAccountAliasesResult></ListAccountAliasesResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(tags), .xml(aliases), .xml(empty)])
        let client = IAMClient(core: TestCore.make(transport))
        #expect(
            try await client.listRoleTags(roleName: "BreakGlass") == [
                "opsdeck:break-glass": "true", "Team": "Platform",
            ])
        #expect(try await client.listAccountAliases() == ["acme-prod"])
        #expect(try await client.listAccountAliases() == [])
        #expect(
            transport.requests[0].bodyText == "Action=ListRoleTags&Version=2010-05-08&RoleName=BreakGlass")
    }

    @Test func cloudWatchAlarms() async throws {
        let body = """
            {"MetricAlarms":[{"AlarmName":"prod-api-5xx","AlarmArn":"arn:aws:cloudwatch:eu-west-1:333333333333:alarm:prod-api-5xx",
            "StateValue":"ALARM","StateReason":"Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).",
            "StateUpdatedTimestamp":1714564800.123,"Namespace":"AWS/ApplicationELB","MetricName":"HTTPCode_Target_5XX_Count",
            "Threshold":5.0,"AlarmActions":["arn:aws:sns:eu-west-1:333333333333:oncall"],
            "Dimensions":[{"Name":"LoadBalancer","Value":"app/prod/123"}]}],
            "CompositeAlarms":[{"AlarmName":"prod-degraded","AlarmArn":"arn:aws:cloudwatch:eu-west-1:333333333333:alarm:prod-degraded",
            "AlarmRule":"ALARM(prod-api-5xx)","StateValue":"OK","StateReason":"","StateUpdatedTimestamp":1714560000}]}
            """
        let transport = ScriptedTransport(responses: [.json(body, contentType: "text")])
        let alarms = try await CloudWatchClient(core: TestCore.make(transport)).describeAlarms()
        #expect(alarms.count == 2)
        let metric = try #require(alarms.first)
        #expect(metric.name == "prod-api-5xx")
        #expect(metric.accountId == "333333333333")
        #expect(metric.region == "eu-west-1")
        #expect(metric.state == .alarm)
        #expect(metric.threshold == 5)
        #expect(metric.stateUpdatedAt == Date(timeIntervalSince1970: 1_714_564_800.123))
        #expect(metric.actions == ["arn:aws:sns:eu-west-1:333333333333:oncall"])
        #expect(!metric.isComposite)
        #expect(alarms[1].isComposite && alarms[1].state == .ok)
    }

    @Test func metricDataPagesMergeById() async throws {
        let transport = ScriptedTransport(responses: [
            .json(
                #"{"MetricDataResults":[{"Id":"cpu","Label":"CPUUtilization","Timestamps":[1714563000,1714563060],"#
                    + #""Values":[10.5,20.0],"StatusCode":"PartialData"}],"NextToken":"n1"}"#),
            .json(
                #"{"MetricDataResults":[{"Id":"cpu","Label":"CPUUtilization","Timestamps":[1714563120],"#
                    + #""Values":[30.25],"StatusCode":"Complete"}],"Messages":[]}"#),
        ])
        let series = try await CloudWatchClient(core: TestCore.make(transport)).getMetricData(
            [.init(id: "cpu", namespace: "AWS/EC2", metricName: "CPUUtilization")],
            start: TestCore.date.addingTimeInterval(-600), end: TestCore.date)
        let cpu = try #require(series.first)
        #expect(series.count == 1)
        #expect(cpu.values == [10.5, 20, 30.25])
        #expect(cpu.timestamps.map(\.timeIntervalSince1970) == [1_714_563_000, 1_714_563_060, 1_714_563_120])
        #expect(cpu.statusCode == "Complete")
        #expect(transport.requests[1].bodyText.contains(#""NextToken":"n1""#))
    }

    @Test func codePipelineExecutionsAndState() async throws {
        let transport = ScriptedTransport(responses: [
            .json(
                #"{"pipelines":[{"name":"web","version":3,"created":1714000000.5,"updated":1714100000}],"#
                    + #""nextToken":null}"#),
            .json(
                """
                {"pipelineExecutionSummaries":[{"pipelineExecutionId":"eb7ebd36-353a-4551-90dc-18ca5EXAMPLE",
                "status":"InProgress","startTime":1714566000.0,"lastUpdateTime":1714566300.0,
                "sourceRevisions":[{"actionName":"Source","revisionId":"4b1e8c3f0a9d","revisionSummary":"Fix login"}],
                "trigger":{"triggerType":"Webhook","triggerDetail":"arn:aws:codestar"}},
                {"pipelineExecutionId":"f1e2d3c4","status":"Failed","startTime":1714500000,"lastUpdateTime":1714500600}]}
                """),
            .json(
                """
                {"pipelineName":"web","pipelineVersion":3,"stageStates":[
                {"stageName":"Source","latestExecution":{"pipelineExecutionId":"eb7ebd36-353a-4551-90dc-18ca5EXAMPLE","status":"Succeeded"}},
                {"stageName":"Deploy","latestExecution":{"pipelineExecutionId":"eb7ebd36-353a-4551-90dc-18ca5EXAMPLE","status":"InProgress"}},
                {"stageName":"Prod","latestExecution":{"pipelineExecutionId":"f1e2d3c4","status":"Failed"}}]}
                """),
        ])
        let client = CodePipelineClient(core: TestCore.make(transport))
        let pipelines = try await client.listPipelines()
        #expect(
            pipelines == [
                .init(
                    name: "web", version: 3, created: Date(timeIntervalSince1970: 1_714_000_000.5),
                    updated: Date(timeIntervalSince1970: 1_714_100_000))
            ])
        let executions = try await client.listPipelineExecutions(pipelineName: "web")
        let state = try await client.getPipelineState(name: "web")
        let running = executions[0]
        let stage = state.currentStage(executionId: running.executionId)
        #expect(stage == "Deploy")
        let run = running.pipelineRun(accountId: "333333333333", region: "eu-west-1", stage: stage)
        #expect(run.status == .inProgress)
        #expect(run.finishedAt == nil)
        #expect(run.commit == "4b1e8c3f0a9d")
        #expect(run.trigger == "Webhook: Fix login")
        #expect(run.kind == .codePipeline)
        let failed = executions[1].pipelineRun(accountId: "333333333333", region: "eu-west-1")
        #expect(failed.status == .failed)
        #expect(failed.finishedAt == Date(timeIntervalSince1970: 1_714_500_600))
        #expect(transport.requests[1].bodyText == #"{"pipelineName":"web"}"#)
    }

    @Test func codeBuildBuildsAreFetchedAHundredAtATime() async throws {
        let ids = (1...150).map { "web:\($0)" }
        func builds(_ range: ClosedRange<Int>) -> String {
            let items = range.map { n in
                #"{"id":"web:\#(n)","arn":"arn:aws:codebuild:eu-west-1:333333333333:build/web:\#(n)","#
                    + #""buildNumber":\#(n),"projectName":"web","buildStatus":"\#(n == 1 ? "IN_PROGRESS" : "FAILED")","#
                    + #""currentPhase":"BUILD","startTime":1714566000.25,"endTime":1714566100,"#
                    + #""resolvedSourceVersion":"abc123","initiator":"codepipeline/web","#
                    + #""logs":{"deepLink":"https://console.aws.amazon.com/cloudwatch/home#logEvent"}}"#
            }
            return #"{"builds":[\#(items.joined(separator: ","))],"buildsNotFound":[]}"#
        }
        let transport = ScriptedTransport(responses: [
            .json(#"{"projects":["web","worker"],"nextToken":"p2"}"#), .json(#"{"projects":["zeta"]}"#),
            .json(#"{"ids":["web:150","web:149"],"nextToken":"b2"}"#), .json(#"{"ids":["web:148"]}"#),
            .json(builds(1...100)), .json(builds(101...150)),
        ])
        let client = CodeBuildClient(core: TestCore.make(transport))
        #expect(try await client.listProjects() == ["web", "worker", "zeta"])
        #expect(
            try await client.listBuildsForProject(projectName: "web") == ["web:150", "web:149", "web:148"])
        let fetched = try await client.batchGetBuilds(ids: ids)
        #expect(fetched.count == 150)
        #expect(transport.requests.count == 6)
        #expect(transport.requests[4].bodyText.hasPrefix(#"{"ids":["web:1","web:2","#))
        let running = fetched[0].pipelineRun(accountId: "x", region: "us-east-1")
        #expect(running.status == .inProgress && running.stage == "BUILD" && running.finishedAt == nil)
        #expect(running.accountId == "333333333333" && running.region == "eu-west-1")
        let failed = fetched[1].pipelineRun(accountId: "x", region: "us-east-1")
        #expect(failed.status == .failed && failed.commit == "abc123" && failed.trigger == "codepipeline/web")
        #expect(failed.url == "https://console.aws.amazon.com/cloudwatch/home#logEvent")
        #expect(
            transport.requests[3].bodyText
                == #"{"nextToken":"b2","projectName":"web","sortOrder":"DESCENDING"}"#)
    }

    @Test func ecsServiceDeployments() async throws {
        let services = """
            {"services":[{"serviceArn":"arn:aws:ecs:eu-west-1:333333333333:service/prod/web","serviceName":"web",
            "clusterArn":"arn:aws:ecs:eu-west-1:333333333333:cluster/prod","status":"ACTIVE","desiredCount":4,
            "runningCount":3,"pendingCount":1,"deployments":[
            {"id":"ecs-svc/9223370564341623665","status":"PRIMARY",
             "taskDefinition":"arn:aws:ecs:eu-west-1:333333333333:task-definition/web:42","desiredCount":4,
             "pendingCount":1,"runningCount":3,"failedTasks":0,"createdAt":1714566000.123,"updatedAt":1714566200.5,
             "rolloutState":"IN_PROGRESS","rolloutStateReason":"ECS deployment ecs-svc/9223370564341623665 in progress."},
            {"id":"ecs-svc/9223370564341600000","status":"ACTIVE","desiredCount":0,"runningCount":1,
             "createdAt":1714000000,"updatedAt":1714566200,"rolloutState":"COMPLETED"}]}],"failures":[]}
            """
        let transport = ScriptedTransport(responses: [
            .json(#"{"clusterArns":["arn:aws:ecs:eu-west-1:333333333333:cluster/prod"]}"#),
            .json(#"{"serviceArns":["arn:aws:ecs:eu-west-1:333333333333:service/prod/web"]}"#),
            .json(services),
        ])
        let client = ECSClient(core: TestCore.make(transport))
        let clusters = try await client.listClusters()
        let arns = try await client.listServices(cluster: clusters[0])
        let described = try await client.describeServices(cluster: clusters[0], services: arns)
        let web = try #require(described.first)
        #expect(web.name == "web" && web.desiredCount == 4 && web.runningCount == 3)
        #expect(web.deployments.map(\.rolloutState) == ["IN_PROGRESS", "COMPLETED"])
        let runs = web.pipelineRuns(accountId: "x", region: "x")
        #expect(runs.map(\.status) == [.inProgress, .superseded])
        #expect(runs[0].stage == "3/4 running")
        #expect(runs[0].trigger == "web:42")
        #expect(runs[0].accountId == "333333333333")
        #expect(
            transport.requests[2].bodyText
                == #"{"cluster":"arn:aws:ecs:eu-west-1:333333333333:cluster/prod","#
                + #""services":["arn:aws:ecs:eu-west-1:333333333333:service/prod/web"]}"#)
    }

    @Test func costAndUsageGroupedAcrossPages() async throws {
        let page1 = """
            {"GroupDefinitions":[{"Type":"DIMENSION","Key":"LINKED_ACCOUNT"}],"ResultsByTime":[
            {"TimePeriod":{"Start":"2024-04-29","End":"2024-04-30"},"Total":{},"Groups":[
              {"Keys":["333333333333"],"Metrics":{"UnblendedCost":{"Amount":"12.3456","Unit":"USD"}}},
              {"Keys":["444444444444"],"Metrics":{"UnblendedCost":{"Amount":"0.5","Unit":"USD"}}}],"Estimated":false},
            {"TimePeriod":{"Start":"2024-04-30","End":"2024-05-01"},"Total":{},"Groups":[
              {"Keys":["333333333333"],"Metrics":{"UnblendedCost":{"Amount":"10","Unit":"USD"}}}],"Estimated":true}],
            "DimensionValueAttributes":[{"Value":"333333333333","Attributes":{"description":"Prod"}}],
            "NextPageToken":"ce-2"}
            """
        let page2 = """
            {"ResultsByTime":[{"TimePeriod":{"Start":"2024-04-30","End":"2024-05-01"},"Total":{},"Groups":[
              {"Keys":["444444444444"],"Metrics":{"UnblendedCost":{"Amount":"1.25","Unit":"USD"}}}],"Estimated":true}],
            "DimensionValueAttributes":[{"Value":"444444444444","Attributes":{"description":"Dev"}}]}
            """
        let transport = ScriptedTransport(responses: [.json(page1), .json(page2)])
        let start = try #require(AWSTimestamp.parseDay("2024-04-29"))
        let result = try await CostExplorerClient(core: TestCore.make(transport)).getCostAndUsage(
            start: start, end: TestCore.date, granularity: .daily, groupBy: .linkedAccount)
        #expect(result.points.count == 4)
        #expect(
            result.points[0]
                == CostPoint(date: start, dimension: .account, key: "333333333333", amount: 12.3456))
        #expect(result.totals.map(\.amount) == [12.8456, 11.25])
        #expect(result.totals.map(\.estimated) == [false, true])
        #expect(result.accountNames == ["333333333333": "Prod", "444444444444": "Dev"])
        #expect(transport.requests[1].bodyText.contains(#""NextPageToken":"ce-2""#))
    }

    @Test func costTotalsUngroupedComeFromTheTotal() async throws {
        let body = """
            {"ResultsByTime":[{"TimePeriod":{"Start":"2024-04-01","End":"2024-05-01"},
            "Total":{"UnblendedCost":{"Amount":"1234.5","Unit":"USD"}},"Groups":[],"Estimated":false}]}
            """
        let transport = ScriptedTransport(responses: [.json(body)])
        let result = try await CostExplorerClient(core: TestCore.make(transport)).getCostAndUsage(
            start: TestCore.date.addingTimeInterval(-30 * 86_400), end: TestCore.date, granularity: .monthly)
        #expect(result.points.isEmpty)
        #expect(result.totals.map(\.amount) == [1234.5])
        #expect(result.totals.first?.date == AWSTimestamp.parseDay("2024-04-01"))
    }

    @Test func costForecastAndAnomalies() async throws {
        let transport = ScriptedTransport(responses: [
            .json(
                #"{"Total":{"Amount":"2873.0012","Unit":"USD"},"ForecastResultsByTime":[{"TimePeriod":"#
                    + #"{"Start":"2024-05-01","End":"2024-06-01"},"MeanValue":"2873.0012","#
                    + #""PredictionIntervalLowerBound":"2600","PredictionIntervalUpperBound":"3100"}]}"#),
            .json(
                """
                {"Anomalies":[{"AnomalyId":"a1b2","AnomalyStartDate":"2024-04-28","AnomalyEndDate":"2024-04-30",
                "DimensionValue":"Amazon Elastic Compute Cloud - Compute","RootCauses":[{"Service":"Amazon Elastic Compute Cloud - Compute",
                "Region":"us-east-1","LinkedAccount":"333333333333","LinkedAccountName":"Prod","UsageType":"BoxUsage:c5.9xlarge"}],
                "AnomalyScore":{"MaxScore":0.87,"CurrentScore":0.5},"Impact":{"MaxImpact":151.2,"TotalImpact":320.75},
                "MonitorArn":"arn:aws:ce::111111111111:anomalymonitor/abc","Feedback":"YES"}],"NextPageToken":"an2"}
                """),
            .json(#"{"Anomalies":[]}"#),
        ])
        let client = CostExplorerClient(core: TestCore.make(transport))
        let forecast = try await client.getCostForecast(
            start: TestCore.date, end: TestCore.date.addingTimeInterval(31 * 86_400))
        #expect(forecast.total == 2873.0012)
        #expect(forecast.periods.first?.upperBound == 3100)
        let anomalies = try await client.getAnomalies(start: TestCore.date.addingTimeInterval(-7 * 86_400))
        let anomaly = try #require(anomalies.first)
        #expect(anomalies.count == 1)
        #expect(anomaly.totalImpact == 320.75 && anomaly.maxScore == 0.87)
        #expect(anomaly.rootCauses.first?.linkedAccountName == "Prod")
        #expect(anomaly.startDate == AWSTimestamp.parseDay("2024-04-28"))
        #expect(transport.requests[1].bodyText == #"{"DateInterval":{"StartDate":"2024-04-24"}}"#)
    }

    @Test func budgetsWithCalculatedSpend() async throws {
        let body = """
            {"Budgets":[{"BudgetName":"monthly-total","BudgetLimit":{"Amount":"1000.0","Unit":"USD"},
            "CostFilters":{},"TimeUnit":"MONTHLY","TimePeriod":{"Start":1704067200,"End":3706473600},
            "CalculatedSpend":{"ActualSpend":{"Amount":"812.34","Unit":"USD"},"ForecastedSpend":{"Amount":"1050.5","Unit":"USD"}},
            "BudgetType":"COST","LastUpdatedTime":1714560000.5},
            {"BudgetName":"no-spend-yet","BudgetLimit":{"Amount":"50","Unit":"USD"},"TimeUnit":"QUARTERLY","BudgetType":"COST"}]}
            """
        let transport = ScriptedTransport(responses: [.json(body)])
        let budgets = try await BudgetsClient(core: TestCore.make(transport)).describeBudgets(
            accountId: "111111111111")
        #expect(
            budgets == [
                Budget(
                    accountId: "111111111111", name: "monthly-total", limit: 1000, actual: 812.34,
                    forecasted: 1050.5),
                Budget(
                    accountId: "111111111111", name: "no-spend-yet", limit: 50, actual: 0,
                    timeUnit: "QUARTERLY"),
            ])
    }

    @Test func snsTopicsAndPublish() async throws {
        let topics = """
            <ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult><Topics>
            <member><TopicArn>arn:aws:sns:us-east-2:123456789012:My-Topic</TopicArn></member></Topics>
            <NextToken>t2</NextToken></ListTopicsResult></ListTopicsResponse>
            """
        let last = """
            <ListTopicsResponse><ListTopicsResult><Topics><member><TopicArn>arn:aws:sns:us-east-2:123456789012:Other</TopicArn>
            </member></Topics></ListTopicsResult></ListTopicsResponse>
            """
        let publish = """
            <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>
            <MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
            <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
            </PublishResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(topics), .xml(last), .xml(publish)])
        let client = SNSClient(core: TestCore.make(transport))
        #expect(
            try await client.listTopics() == [
                "arn:aws:sns:us-east-2:123456789012:My-Topic", "arn:aws:sns:us-east-2:123456789012:Other",
            ])
        let id = try await client.publish(
            topicArn: "arn:aws:sns:us-east-2:123456789012:My-Topic", message: "Disk full: 95%",
            subject: "OpsDeck")
        #expect(id == "567910cd-659e-55d4-8ccb-5aaf14679dc0")
        #expect(
            transport.requests[2].bodyText
                == "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-2%3A123456789012%3AMy-Topic"
                + "&Message=Disk+full%3A+95%25&Subject=OpsDeck")
    }

    @Test func aSuccessThatIsNotXMLSaysSoWithTheRequestId() async throws {
        let transport = ScriptedTransport(responses: [.xml("<html><body>proxy login", requestId: "req-9")])
        let error = await #expect(throws: AWSClientError.self) {
            try await STSClient(core: TestCore.make(transport)).getCallerIdentity()
        }
        guard case .invalidResponse(let context, _, let requestId) = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
        #expect(context.operation == "GetCallerIdentity")
        #expect(requestId == "req-9")
    }

    @Test func aJSONAnswerMissingAFieldNamesIt() async throws {
        let transport = ScriptedTransport(responses: [.json(#"{"Organization":{"Arn":"x"}}"#)])
        let error = await #expect(throws: AWSClientError.self) {
            try await OrganizationsClient(core: TestCore.make(transport)).describeOrganization()
        }
        #expect(String(describing: error).contains("missing 'Id' at Organization"))
    }
}
