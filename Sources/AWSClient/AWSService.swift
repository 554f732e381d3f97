/// What the client must know about one AWS service: its names, wire protocol and where its
/// endpoints are when nothing overrides them.
public struct AWSService: Sendable, Hashable, CustomStringConvertible {
    /// The service id of the AWS SDKs (`Cost Explorer`, `CloudWatch`, `STS`), from which the
    /// `AWS_ENDPOINT_URL_<SERVICE>` variable and the config file's `services` key derive.
    public let serviceId: String
    /// The SigV4 signing name (`monitoring` for CloudWatch, `ce` for Cost Explorer).
    public let signingName: String
    /// The first label of the regional host name (`monitoring.eu-west-1.amazonaws.com`).
    public let endpointPrefix: String
    /// The prefix of IAM actions (`cloudwatch:DescribeAlarms`), for permission hints.
    public let iamActionPrefix: String
    /// The wire protocol this client speaks to the service.
    public let wireProtocol: AWSProtocol
    /// Where a global service lives in each partition; nil for regional services.
    public let globalEndpoints: [AWSPartition.ID: GlobalEndpoint]?
    /// A JSON service that also answers query-protocol error codes when asked with
    /// `x-amzn-query-mode: true`, as the AWS CLI asks (CloudWatch).
    public let isQueryCompatible: Bool

    /// The single endpoint of a global service in one partition.
    public struct GlobalEndpoint: Sendable, Hashable {
        /// The host name, such as `iam.amazonaws.com`.
        public let host: String
        /// The region the signature names, such as `us-east-1`.
        public let signingRegion: String

        /// Creates a global endpoint.
        public init(host: String, signingRegion: String) {
            self.host = host
            self.signingRegion = signingRegion
        }
    }

    /// Creates a service description.
    public init(
        serviceId: String, signingName: String, endpointPrefix: String, iamActionPrefix: String? = nil,
        wireProtocol: AWSProtocol, globalEndpoints: [AWSPartition.ID: GlobalEndpoint]? = nil,
        isQueryCompatible: Bool = false
    ) {
        self.serviceId = serviceId
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.iamActionPrefix = iamActionPrefix ?? signingName
        self.wireProtocol = wireProtocol
        self.globalEndpoints = globalEndpoints
        self.isQueryCompatible = isQueryCompatible
    }

    /// The suffix of the service's endpoint variable: the service id upper-cased with spaces
    /// as underscores (`AWS_ENDPOINT_URL_COST_EXPLORER`).
    public var environmentKey: String {
        serviceId.replacingOccurrences(of: " ", with: "_").uppercased()
    }

    /// The key of the service in a config file's `services` section: the service id
    /// lower-cased with spaces as underscores (`cost_explorer`).
    public var configKey: String {
        serviceId.replacingOccurrences(of: " ", with: "_").lowercased()
    }

    /// The service id, as messages name the service.
    public var description: String { serviceId }
}
