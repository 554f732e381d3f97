import AWSClient
import AWSSigV4
import Foundation
import Testing

/// The bytes on the wire. The query-protocol cases are compared with what botocore 1.43
/// (the AWS CLI) sent for the same call, date and keys, signature included.
struct RequestEncodingTests {
    static let callerIdentityXML = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>arn:aws:iam::123456789012:user/alice</Arn>
            <UserId>AIDAEXAMPLEUSERID</UserId>
            <Account>123456789012</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """

    @Test func getCallerIdentityMatchesTheAWSCLI() async throws {
        let transport = ScriptedTransport(responses: [.xml(Self.callerIdentityXML)])
        _ = try await STSClient(core: TestCore.make(transport)).getCallerIdentity()
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://sts.eu-west-1.amazonaws.com/")
        #expect(request.bodyText == "Action=GetCallerIdentity&Version=2011-06-15")
        #expect(request.header("Host") == "sts.eu-west-1.amazonaws.com")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(request.header("X-Amz-Date") == "20240501T123045Z")
        #expect(request.header("X-Amz-Target") == nil)
        #expect(
            request.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/eu-west-1/sts/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=43bf24c475ddbdb34b5384fe44c6022dcfc6e4137e573df5fbeaa3d2af7924bb")
    }

    @Test func assumeRoleWithEveryParameterMatchesTheAWSCLI() async throws {
        let xml = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
            <AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/OpsDeckRead/opsdeck</Arn>
            <AssumedRoleId>AROAEXAMPLE:opsdeck</AssumedRoleId></AssumedRoleUser>
            <Credentials><AccessKeyId>ASIATEMP</AccessKeyId><SecretAccessKey>tempsecret</SecretAccessKey>
            <SessionToken>temptoken</SessionToken><Expiration>2024-05-01T13:30:45Z</Expiration></Credentials>
            </AssumeRoleResult></AssumeRoleResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(xml)])
        let session = AWSCredentials(
            accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret/key+1", sessionToken: "token/with+chars=")
        let core = TestCore.make(
            transport, region: "us-east-1",
            endpoints: AWSEndpointResolver(explicitURL: "http://127.0.0.1:5000"),
            credentials: FixedCredentials(session))
        _ = try await STSClient(core: core).assumeRole(
            roleArn: "arn:aws:iam::210987654321:role/OpsDeckRead", sessionName: "opsdeck",
            durationSeconds: 900,
            externalId: "ext id", serialNumber: "arn:aws:iam::123456789012:mfa/alice", tokenCode: "123456",
            sourceIdentity: "alice", tags: ["team": "platform ops", "app": "opsdeck"])
        let request = try #require(transport.requests.first)
        #expect(
            request.bodyText
                == "Action=AssumeRole&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A210987654321%3Arole%2FOpsDeckRead&RoleSessionName=opsdeck"
                + "&DurationSeconds=900&ExternalId=ext+id"
                + "&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice&TokenCode=123456"
                + "&SourceIdentity=alice&Tags.member.1.Key=app&Tags.member.1.Value=opsdeck"
                + "&Tags.member.2.Key=team&Tags.member.2.Value=platform+ops")
        #expect(request.url.absoluteString == "http://127.0.0.1:5000/")
        #expect(request.header("Host") == "127.0.0.1:5000")
        #expect(request.header("X-Amz-Security-Token") == "token/with+chars=")
        #expect(
            request.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20240501/us-east-1/sts/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
                + "Signature=c0bd074c876e783e7f6822c7f166f3e4ff0eb713c09264f8f65980f10c247136")
    }

    @Test func iamListRolesSignsForUSEast1AndEncodesTheMarker() async throws {
        let xml = """
            <ListRolesResponse><ListRolesResult><IsTruncated>false</IsTruncated><Roles/></ListRolesResult>
            </ListRolesResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(xml)])
        let core = TestCore.make(transport)
        // The first page has no marker; send one by hand to compare with botocore's encoding.
        var parameters = QueryParameters()
        parameters.set("PathPrefix", "/ops/")
        parameters.set("Marker", "m+1/2")
        _ = try await core.query(.iam, action: "ListRoles", parameters: parameters)
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://iam.amazonaws.com/")
        #expect(
            request.bodyText == "Action=ListRoles&Version=2010-05-08&PathPrefix=%2Fops%2F&Marker=m%2B1%2F2")
        #expect(
            request.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=8f7c838eeb534fed87871feb0c1d2a9ba8ba5a46cf937c677db05f716fd4a3ae")
    }

    @Test func jsonRequestsCarryTheTargetAndContentType() async throws {
        let transport = ScriptedTransport(responses: [.json(#"{"Accounts":[]}"#)])
        let session = AWSCredentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: "s", sessionToken: "tok")
        let core = TestCore.make(transport, credentials: FixedCredentials(session))
        _ = try await OrganizationsClient(core: core).listAccounts(parentId: "ou-abcd-11111111")
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://organizations.us-east-1.amazonaws.com/")
        #expect(request.bodyText == #"{"ParentId":"ou-abcd-11111111"}"#)
        #expect(request.header("X-Amz-Target") == "AWSOrganizationsV20161128.ListAccountsForParent")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        let authorization = try #require(request.header("Authorization"))
        #expect(
            authorization.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20240501/us-east-1/organizations/"))
        #expect(
            authorization.contains(
                "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,"))
        #expect(request.header("User-Agent") == "opsdeck")
    }

    @Test func cloudWatchSpeaksJSON10InQueryCompatibleMode() async throws {
        let transport = ScriptedTransport(responses: [.json(#"{"MetricAlarms":[],"CompositeAlarms":[]}"#)])
        _ = try await CloudWatchClient(core: TestCore.make(transport)).describeAlarms(state: .alarm)
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://monitoring.eu-west-1.amazonaws.com/")
        #expect(request.header("X-Amz-Target") == "GraniteServiceVersion20100801.DescribeAlarms")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(request.header("x-amzn-query-mode") == "true")
        #expect(request.bodyText == #"{"AlarmTypes":["CompositeAlarm","MetricAlarm"],"StateValue":"ALARM"}"#)
        #expect(request.header("Authorization")?.contains("/eu-west-1/monitoring/aws4_request") == true)
    }

    @Test func getMetricDataSendsEpochSecondsAndSortedDimensions() async throws {
        let transport = ScriptedTransport(responses: [.json(#"{"MetricDataResults":[]}"#)])
        let query = CloudWatchClient.MetricQuery(
            id: "cpu", namespace: "AWS/ECS", metricName: "CPUUtilization",
            dimensions: ["ServiceName": "web", "ClusterName": "prod"], period: 60, stat: "Average")
        _ = try await CloudWatchClient(core: TestCore.make(transport)).getMetricData(
            [query], start: TestCore.date.addingTimeInterval(-3600), end: TestCore.date)
        let body = try #require(transport.requests.first?.bodyText)
        #expect(
            body
                == #"{"EndTime":1714566645,"MetricDataQueries":[{"Id":"cpu","MetricStat":{"Metric":{"#
                + #""Dimensions":[{"Name":"ClusterName","Value":"prod"},{"Name":"ServiceName","Value":"web"}],"#
                + #""MetricName":"CPUUtilization","Namespace":"AWS/ECS"},"Period":60,"Stat":"Average"},"#
                + #""ReturnData":true}],"ScanBy":"TimestampAscending","StartTime":1714563045}"#)
    }

    @Test func costExplorerSendsDaysAndTheGrouping() async throws {
        let transport = ScriptedTransport(responses: [.json(#"{"ResultsByTime":[]}"#)])
        let start = try #require(AWSTimestamp.parseDay("2024-04-01"))
        let end = try #require(AWSTimestamp.parseDay("2024-05-01"))
        _ = try await CostExplorerClient(core: TestCore.make(transport)).getCostAndUsage(
            start: start, end: end, granularity: .daily, groupBy: .linkedAccount)
        let request = try #require(transport.requests.first)
        #expect(request.header("X-Amz-Target") == "AWSInsightsIndexService.GetCostAndUsage")
        #expect(
            request.bodyText
                == #"{"Granularity":"DAILY","GroupBy":[{"Key":"LINKED_ACCOUNT","Type":"DIMENSION"}],"#
                + #""Metrics":["UnblendedCost"],"TimePeriod":{"End":"2024-05-01","Start":"2024-04-01"}}"#)
        #expect(request.url.absoluteString == "https://ce.us-east-1.amazonaws.com/")
    }

    @Test func everyJSONServiceNamesItsTarget() async throws {
        let cases: [(AWSService, String)] = [
            (.codePipeline, "CodePipeline_20150709.ListPipelines"),
            (.codeBuild, "CodeBuild_20161006.ListProjects"),
            (.ecs, "AmazonEC2ContainerServiceV20141113.ListClusters"),
            (.budgets, "AWSBudgetServiceGateway.DescribeBudgets"),
        ]
        let transport = ScriptedTransport(responses: Array(repeating: .json("{}"), count: cases.count))
        let core = TestCore.make(transport)
        _ = try await CodePipelineClient(core: core).listPipelines()
        _ = try await CodeBuildClient(core: core).listProjects()
        _ = try await ECSClient(core: core).listClusters()
        _ = try await BudgetsClient(core: core).describeBudgets(accountId: "123456789012")
        let targets = transport.requests.map { $0.header("X-Amz-Target") ?? "" }
        #expect(targets == cases.map(\.1))
        #expect(transport.requests.allSatisfy { $0.header("Content-Type") == "application/x-amz-json-1.1" })
        #expect(transport.requests.last?.bodyText == #"{"AccountId":"123456789012"}"#)
        #expect(transport.requests.first?.bodyText == "{}")
    }

    @Test func webIdentityIsSentUnsignedWithoutAskingForCredentials() async throws {
        let xml = """
            <AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult>
            <SubjectFromWebIdentityToken>system:serviceaccount:ops:opsdeck</SubjectFromWebIdentityToken>
            <Audience>sts.amazonaws.com</Audience><Provider>arn:aws:iam::123456789012:oidc-provider/oidc.eks</Provider>
            <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/Web/s</Arn>
            <AssumedRoleId>AROAWEB:s</AssumedRoleId></AssumedRoleUser>
            <Credentials><AccessKeyId>ASIAWEB</AccessKeyId><SecretAccessKey>websecret</SecretAccessKey>
            <SessionToken>webtoken</SessionToken><Expiration>2024-05-01T13:30:45.123456Z</Expiration></Credentials>
            </AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(xml)])
        let core = TestCore.make(transport, credentials: FailingCredentials())
        let role = try await STSClient(core: core).assumeRoleWithWebIdentity(
            roleArn: "arn:aws:iam::123456789012:role/Web", sessionName: "s", webIdentityToken: "eyJ.token",
            durationSeconds: 3600)
        let request = try #require(transport.requests.first)
        #expect(request.header("Authorization") == nil)
        #expect(request.header("X-Amz-Date") == nil)
        #expect(
            request.bodyText
                == "Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FWeb&RoleSessionName=s"
                + "&WebIdentityToken=eyJ.token&DurationSeconds=3600")
        #expect(role.credentials.accessKeyId == "ASIAWEB")
        #expect(role.subjectFromWebIdentityToken == "system:serviceaccount:ops:opsdeck")
        #expect(role.audience == "sts.amazonaws.com")
        #expect(role.expiration.timeIntervalSince1970 == 1_714_570_245.123456)
    }

    @Test func eachAttemptIsSignedAtItsOwnTime() async throws {
        let clock = TickingClock()
        let transport = ScriptedTransport(responses: [
            .xml("<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>", status: 400),
            .xml(Self.callerIdentityXML),
        ])
        var core = TestCore.make(transport)
        core.now = { clock.tick() }
        _ = try await STSClient(core: core).getCallerIdentity()
        let dates = transport.requests.map { $0.header("X-Amz-Date") }
        #expect(dates == ["20240501T123045Z", "20240501T123046Z"])
        #expect(
            transport.requests[0].header("Authorization") != transport.requests[1].header("Authorization"))
    }
}
