import AWSClient
import Foundation
import Testing

struct EndpointResolverTests {
    struct PrecedenceCase: CustomTestStringConvertible, Sendable {
        var name: String
        var explicit: String?
        var environment: [String: String]
        var profile: String?
        var profileServices: [String: String] = [:]
        var profileIgnores = false
        var expected: String
        var source: AWSEndpoint.Source

        var testDescription: String { name }
    }

    static let serviceVariable = "AWS_ENDPOINT_URL_COST_EXPLORER"

    // Modelled on the AWS CLI's configured_endpoint_urls suite: environment beats the
    // config file, the service-specific setting beats the global one at each level, and
    // --endpoint-url beats everything.
    static let precedence: [PrecedenceCase] = [
        .init(
            name: "nothing set", environment: [:], expected: "https://ce.us-east-1.amazonaws.com",
            source: .default),
        .init(
            name: "explicit beats everything", explicit: "http://explicit:1",
            environment: [serviceVariable: "http://svc-env:2", "AWS_ENDPOINT_URL": "http://env:3"],
            profile: "http://profile:4", profileServices: ["cost_explorer": "http://profile-svc:5"],
            expected: "http://explicit:1", source: .explicit),
        .init(
            name: "service env beats global env and config",
            environment: [serviceVariable: "http://svc-env:2", "AWS_ENDPOINT_URL": "http://env:3"],
            profile: "http://profile:4", profileServices: ["cost_explorer": "http://profile-svc:5"],
            expected: "http://svc-env:2", source: .serviceEnvironment(serviceVariable)),
        .init(
            name: "global env beats the profile's service section",
            environment: ["AWS_ENDPOINT_URL": "http://env:3"], profile: "http://profile:4",
            profileServices: ["cost_explorer": "http://profile-svc:5"], expected: "http://env:3",
            source: .globalEnvironment),
        .init(
            name: "profile service section beats profile endpoint_url", environment: [:],
            profile: "http://profile:4", profileServices: ["cost_explorer": "http://profile-svc:5"],
            expected: "http://profile-svc:5", source: .profileService),
        .init(
            name: "profile endpoint_url beats the default", environment: [:], profile: "http://profile:4",
            expected: "http://profile:4", source: .profile),
        .init(
            name: "another service's variable is ignored",
            environment: ["AWS_ENDPOINT_URL_STS": "http://sts-env:6"],
            expected: "https://ce.us-east-1.amazonaws.com",
            source: .default),
        .init(
            name: "ignore flag in the environment drops configured URLs",
            environment: [
                serviceVariable: "http://svc-env:2", "AWS_ENDPOINT_URL": "http://env:3",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true",
            ],
            profile: "http://profile:4", expected: "https://ce.us-east-1.amazonaws.com", source: .default),
        .init(
            name: "ignore flag in the profile drops configured URLs",
            environment: ["AWS_ENDPOINT_URL": "http://env:3"], profile: "http://profile:4",
            profileIgnores: true,
            expected: "https://ce.us-east-1.amazonaws.com", source: .default),
        .init(
            name: "ignore flag keeps the explicit URL", explicit: "http://explicit:1",
            environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE"], expected: "http://explicit:1",
            source: .explicit),
        .init(
            name: "environment false overrides profile true",
            environment: [
                "AWS_ENDPOINT_URL": "http://env:3", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false",
            ],
            profileIgnores: true, expected: "http://env:3", source: .globalEnvironment),
        .init(
            name: "blank values are unset", explicit: "  ",
            environment: [serviceVariable: "", "AWS_ENDPOINT_URL": " "], profile: "",
            expected: "https://ce.us-east-1.amazonaws.com", source: .default),
    ]

    @Test(arguments: precedence)
    func precedenceFollowsTheCLI(_ testCase: PrecedenceCase) throws {
        let resolver = AWSEndpointResolver(
            explicitURL: testCase.explicit, environment: testCase.environment,
            profileEndpointURL: testCase.profile,
            profileServiceEndpointURLs: testCase.profileServices,
            profileIgnoresConfiguredEndpointURLs: testCase.profileIgnores)
        let endpoint = try resolver.resolve(.costExplorer, region: "eu-west-1")
        #expect(endpoint.url.absoluteString == testCase.expected)
        #expect(endpoint.source == testCase.source)
    }

    @Test func customEndpointsSignForTheClientRegion() throws {
        let resolver = AWSEndpointResolver(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        for service in AWSService.all {
            let endpoint = try resolver.resolve(service, region: "eu-west-1")
            #expect(endpoint.signingRegion == "eu-west-1", "\(service)")
            #expect(endpoint.hostHeader == "127.0.0.1:5000")
            #expect(endpoint.path == "/")
        }
    }

    @Test func serviceVariablesAreNamedAfterTheServiceId() {
        let names = AWSService.all.map(AWSEndpointResolver.environmentVariable(for:))
        #expect(
            names == [
                "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_ORGANIZATIONS",
                "AWS_ENDPOINT_URL_CLOUDWATCH", "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_CODEPIPELINE",
                "AWS_ENDPOINT_URL_CODEBUILD", "AWS_ENDPOINT_URL_ECS", "AWS_ENDPOINT_URL_COST_EXPLORER",
                "AWS_ENDPOINT_URL_BUDGETS",
            ])
        #expect(AWSService.costExplorer.configKey == "cost_explorer")
    }

    struct DefaultCase: Sendable, CustomTestStringConvertible {
        var service: AWSService
        var region: String
        var url: String
        var signingRegion: String
        var testDescription: String { "\(service) in \(region)" }
    }

    static let defaults: [DefaultCase] = [
        .init(
            service: .sts, region: "eu-west-1", url: "https://sts.eu-west-1.amazonaws.com",
            signingRegion: "eu-west-1"),
        .init(
            service: .iam, region: "eu-west-1", url: "https://iam.amazonaws.com", signingRegion: "us-east-1"),
        .init(
            service: .organizations, region: "ap-southeast-2",
            url: "https://organizations.us-east-1.amazonaws.com",
            signingRegion: "us-east-1"),
        .init(
            service: .costExplorer, region: "eu-central-1", url: "https://ce.us-east-1.amazonaws.com",
            signingRegion: "us-east-1"),
        .init(
            service: .budgets, region: "eu-central-1", url: "https://budgets.amazonaws.com",
            signingRegion: "us-east-1"),
        .init(
            service: .cloudWatch, region: "us-west-2", url: "https://monitoring.us-west-2.amazonaws.com",
            signingRegion: "us-west-2"),
        .init(
            service: .codePipeline, region: "eu-west-1", url: "https://codepipeline.eu-west-1.amazonaws.com",
            signingRegion: "eu-west-1"),
        .init(
            service: .codeBuild, region: "eu-west-1", url: "https://codebuild.eu-west-1.amazonaws.com",
            signingRegion: "eu-west-1"),
        .init(
            service: .ecs, region: "eu-west-1", url: "https://ecs.eu-west-1.amazonaws.com",
            signingRegion: "eu-west-1"),
        .init(
            service: .sns, region: "sa-east-1", url: "https://sns.sa-east-1.amazonaws.com",
            signingRegion: "sa-east-1"),
        .init(
            service: .sts, region: "cn-north-1", url: "https://sts.cn-north-1.amazonaws.com.cn",
            signingRegion: "cn-north-1"),
        .init(
            service: .iam, region: "cn-northwest-1", url: "https://iam.cn-north-1.amazonaws.com.cn",
            signingRegion: "cn-north-1"),
        .init(
            service: .iam, region: "us-gov-east-1", url: "https://iam.us-gov.amazonaws.com",
            signingRegion: "us-gov-west-1"),
    ]

    @Test(arguments: defaults)
    func defaultEndpoints(_ testCase: DefaultCase) throws {
        let endpoint = try AWSEndpointResolver().resolve(testCase.service, region: testCase.region)
        #expect(endpoint.url.absoluteString == testCase.url)
        #expect(endpoint.signingRegion == testCase.signingRegion)
        #expect(endpoint.source == .default)
    }

    @Test func signingNames() {
        let names = Dictionary(uniqueKeysWithValues: AWSService.all.map { ($0.serviceId, $0.signingName) })
        #expect(
            names == [
                "STS": "sts", "IAM": "iam", "Organizations": "organizations", "CloudWatch": "monitoring",
                "SNS": "sns", "CodePipeline": "codepipeline", "CodeBuild": "codebuild", "ECS": "ecs",
                "Cost Explorer": "ce", "Budgets": "budgets",
            ])
    }

    @Test func aMissingRegionSaysWhereToSetIt() throws {
        let error = try #require(throws: AWSClientError.self) {
            try AWSEndpointResolver().resolve(.sts, region: "")
        }
        #expect("\(error)".contains("AWS_REGION"))
    }

    @Test func aRegionCannotInjectAHost() {
        #expect(throws: AWSClientError.self) {
            try AWSEndpointResolver().resolve(.sts, region: "evil.com/x")
        }
    }

    @Test func aMalformedURLNamesTheSetting() throws {
        let resolver = AWSEndpointResolver(environment: ["AWS_ENDPOINT_URL_STS": "localhost:5000"])
        let error = try #require(throws: AWSClientError.self) {
            try resolver.resolve(.sts, region: "us-east-1")
        }
        #expect("\(error)".contains("AWS_ENDPOINT_URL_STS"))
        #expect("\(error)".contains("localhost:5000"))
    }

    @Test func anEndpointPathIsKept() throws {
        let resolver = AWSEndpointResolver(explicitURL: "https://proxy.example.com:8443/aws/sts")
        let endpoint = try resolver.resolve(.sts, region: "us-east-1")
        #expect(endpoint.path == "/aws/sts")
        #expect(endpoint.hostHeader == "proxy.example.com:8443")
        let standardPort = try AWSEndpointResolver(explicitURL: "https://proxy.example.com:443").resolve(
            .sts, region: "us-east-1")
        #expect(standardPort.hostHeader == "proxy.example.com")
    }
}
