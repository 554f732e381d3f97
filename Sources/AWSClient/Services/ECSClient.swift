import Foundation
import OpsDeckCore

/// Amazon ECS: clusters, services and their deployments.
public struct ECSClient: Sendable {
    /// `DescribeServices` takes at most this many services per call.
    public static let describeServicesLimit = 10

    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// The ARNs of every cluster in the region.
    /// - Throws: `AWSClientError`.
    public func listClusters() async throws(AWSClientError) -> [String] {
        let operation = "ListClusters"
        return try await Paginator(context: core.context(.ecs, operation: operation)).collect {
            token throws(AWSClientError) in
            let page = try await core.json(
                .ecs, operation: operation, input: ECSWire.PageInput(nextToken: token),
                output: ECSWire.ListClustersOutput.self)
            return (page.clusterArns ?? [], page.nextToken)
        }
    }

    /// The ARNs of every service in a cluster.
    /// - Throws: `AWSClientError`.
    public func listServices(cluster: String) async throws(AWSClientError) -> [String] {
        let operation = "ListServices"
        return try await Paginator(context: core.context(.ecs, operation: operation)).collect {
            token throws(AWSClientError) in
            let page = try await core.json(
                .ecs, operation: operation,
                input: ECSWire.ListServicesInput(cluster: cluster, nextToken: token),
                output: ECSWire.ListServicesOutput.self)
            return (page.serviceArns ?? [], page.nextToken)
        }
    }

    /// The services with their deployments, 10 per call; services that are not found are
    /// left out.
    /// - Throws: `AWSClientError`.
    public func describeServices(cluster: String, services: [String]) async throws(AWSClientError)
        -> [Service]
    {
        var result: [Service] = []
        var start = 0
        while start < services.count {
            let chunk = Array(services[start..<min(services.count, start + Self.describeServicesLimit)])
            let output = try await core.json(
                .ecs, operation: "DescribeServices",
                input: ECSWire.DescribeServicesInput(cluster: cluster, services: chunk),
                output: ECSWire.DescribeServicesOutput.self)
            result += (output.services ?? []).map(\.model)
            start += Self.describeServicesLimit
        }
        return result
    }
}
