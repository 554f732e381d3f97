extension AWSService {
    /// AWS Security Token Service: regional endpoints (`sts.{region}.amazonaws.com`), as the
    /// AWS CLI v2 uses by default.
    public static let sts = AWSService(
        serviceId: "STS", signingName: "sts", endpointPrefix: "sts",
        wireProtocol: .query(apiVersion: "2011-06-15")
    )

    /// IAM: one endpoint per partition, signed for that partition's home region.
    public static let iam = AWSService(
        serviceId: "IAM", signingName: "iam", endpointPrefix: "iam",
        wireProtocol: .query(apiVersion: "2010-05-08"),
        globalEndpoints: [
            .aws: GlobalEndpoint(host: "iam.amazonaws.com", signingRegion: "us-east-1"),
            .awsCN: GlobalEndpoint(host: "iam.cn-north-1.amazonaws.com.cn", signingRegion: "cn-north-1"),
            .awsUSGov: GlobalEndpoint(host: "iam.us-gov.amazonaws.com", signingRegion: "us-gov-west-1"),
        ]
    )

    /// AWS Organizations: global, served from the partition's home region.
    public static let organizations = AWSService(
        serviceId: "Organizations", signingName: "organizations", endpointPrefix: "organizations",
        wireProtocol: .json(version: "1.1", targetPrefix: "AWSOrganizationsV20161128"),
        globalEndpoints: [
            .aws: GlobalEndpoint(host: "organizations.us-east-1.amazonaws.com", signingRegion: "us-east-1"),
            .awsCN: GlobalEndpoint(
                host: "organizations.cn-northwest-1.amazonaws.com.cn", signingRegion: "cn-northwest-1"),
            .awsUSGov: GlobalEndpoint(
                host: "organizations.us-gov-west-1.amazonaws.com", signingRegion: "us-gov-west-1"),
        ]
    )

    /// CloudWatch over JSON 1.0 (the query protocol works too; moto answers both, and not CBOR).
    public static let cloudWatch = AWSService(
        serviceId: "CloudWatch", signingName: "monitoring", endpointPrefix: "monitoring",
        iamActionPrefix: "cloudwatch",
        wireProtocol: .json(version: "1.0", targetPrefix: "GraniteServiceVersion20100801"),
        isQueryCompatible: true
    )

    /// Amazon SNS.
    public static let sns = AWSService(
        serviceId: "SNS", signingName: "sns", endpointPrefix: "sns",
        wireProtocol: .query(apiVersion: "2010-03-31")
    )

    /// AWS CodePipeline.
    public static let codePipeline = AWSService(
        serviceId: "CodePipeline", signingName: "codepipeline", endpointPrefix: "codepipeline",
        wireProtocol: .json(version: "1.1", targetPrefix: "CodePipeline_20150709")
    )

    /// AWS CodeBuild.
    public static let codeBuild = AWSService(
        serviceId: "CodeBuild", signingName: "codebuild", endpointPrefix: "codebuild",
        wireProtocol: .json(version: "1.1", targetPrefix: "CodeBuild_20161006")
    )

    /// Amazon ECS.
    public static let ecs = AWSService(
        serviceId: "ECS", signingName: "ecs", endpointPrefix: "ecs",
        wireProtocol: .json(version: "1.1", targetPrefix: "AmazonEC2ContainerServiceV20141113")
    )

    /// Cost Explorer: global, served from the partition's home region.
    public static let costExplorer = AWSService(
        serviceId: "Cost Explorer", signingName: "ce", endpointPrefix: "ce",
        wireProtocol: .json(version: "1.1", targetPrefix: "AWSInsightsIndexService"),
        globalEndpoints: [
            .aws: GlobalEndpoint(host: "ce.us-east-1.amazonaws.com", signingRegion: "us-east-1"),
            .awsCN: GlobalEndpoint(
                host: "ce.cn-northwest-1.amazonaws.com.cn", signingRegion: "cn-northwest-1"),
        ]
    )

    /// AWS Budgets: global.
    public static let budgets = AWSService(
        serviceId: "Budgets", signingName: "budgets", endpointPrefix: "budgets",
        wireProtocol: .json(version: "1.1", targetPrefix: "AWSBudgetServiceGateway"),
        globalEndpoints: [
            .aws: GlobalEndpoint(host: "budgets.amazonaws.com", signingRegion: "us-east-1"),
            .awsCN: GlobalEndpoint(host: "budgets.amazonaws.com.cn", signingRegion: "cn-northwest-1"),
        ]
    )

    /// Every service this module has a client for.
    public static let all: [AWSService] = [
        .sts, .iam, .organizations, .cloudWatch, .sns, .codePipeline, .codeBuild, .ecs, .costExplorer,
        .budgets,
    ]
}
