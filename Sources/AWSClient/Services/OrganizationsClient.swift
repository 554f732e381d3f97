import Foundation
import OpsDeckCore

/// AWS Organizations: the organization, its OU tree and its accounts. Every list is paged
/// to the end.
public struct OrganizationsClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// The organization the caller's account belongs to.
    /// - Throws: `AWSClientError` (`AWSOrganizationsNotInUseException` outside an organization).
    public func describeOrganization() async throws(AWSClientError) -> Organization {
        let output = try await core.json(
            .organizations, operation: "DescribeOrganization", input: EmptyInput(),
            output: OrganizationsWire.DescribeOrganizationOutput.self)
        let wire = output.Organization
        return Organization(
            id: wire.Id, arn: wire.Arn ?? "", featureSet: wire.FeatureSet ?? "",
            managementAccountId: wire.MasterAccountId ?? "",
            managementAccountArn: wire.MasterAccountArn ?? "",
            managementAccountEmail: wire.MasterAccountEmail ?? "")
    }

    /// The roots (an organization has one).
    /// - Throws: `AWSClientError`.
    public func listRoots() async throws(AWSClientError) -> [Root] {
        try await paged("ListRoots") { token throws(AWSClientError) in
            let page = try await core.json(
                .organizations, operation: "ListRoots", input: OrganizationsWire.PageInput(NextToken: token),
                output: OrganizationsWire.ListRootsOutput.self)
            return (
                (page.Roots ?? []).map { Root(id: $0.Id, arn: $0.Arn ?? "", name: $0.Name ?? "Root") },
                page.NextToken
            )
        }
    }

    /// The OUs directly under `parentId` (a root or an OU).
    /// - Throws: `AWSClientError`.
    public func listOrganizationalUnits(parentId: String) async throws(AWSClientError) -> [Unit] {
        let operation = "ListOrganizationalUnitsForParent"
        return try await paged(operation) { token throws(AWSClientError) in
            let page = try await core.json(
                .organizations, operation: operation,
                input: OrganizationsWire.ParentInput(ParentId: parentId, NextToken: token),
                output: OrganizationsWire.ListUnitsOutput.self)
            let units = (page.OrganizationalUnits ?? []).map {
                Unit(id: $0.Id, arn: $0.Arn ?? "", name: $0.Name ?? $0.Id, parentId: parentId)
            }
            return (units, page.NextToken)
        }
    }

    /// The accounts directly under `parentId`.
    /// - Throws: `AWSClientError`.
    public func listAccounts(parentId: String) async throws(AWSClientError) -> [MemberAccount] {
        let operation = "ListAccountsForParent"
        return try await paged(operation) { token throws(AWSClientError) in
            let page = try await core.json(
                .organizations, operation: operation,
                input: OrganizationsWire.ParentInput(ParentId: parentId, NextToken: token),
                output: OrganizationsWire.ListAccountsOutput.self)
            return ((page.Accounts ?? []).map { $0.model(parentId: parentId) }, page.NextToken)
        }
    }

    /// Every account of the organization, wherever it sits (management account only).
    /// - Throws: `AWSClientError`.
    public func listAllAccounts() async throws(AWSClientError) -> [MemberAccount] {
        try await paged("ListAccounts") { token throws(AWSClientError) in
            let page = try await core.json(
                .organizations, operation: "ListAccounts",
                input: OrganizationsWire.PageInput(NextToken: token),
                output: OrganizationsWire.ListAccountsOutput.self)
            return ((page.Accounts ?? []).map { $0.model(parentId: nil) }, page.NextToken)
        }
    }

    /// The tags of an account, OU or root.
    /// - Throws: `AWSClientError`.
    public func listTags(resourceId: String) async throws(AWSClientError) -> [String: String] {
        let pairs: [(String, String)] = try await paged("ListTagsForResource") {
            token throws(AWSClientError) in
            let page = try await core.json(
                .organizations, operation: "ListTagsForResource",
                input: OrganizationsWire.ResourceInput(ResourceId: resourceId, NextToken: token),
                output: OrganizationsWire.ListTagsOutput.self)
            return ((page.Tags ?? []).map { ($0.Key, $0.Value) }, page.NextToken)
        }
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }

    private func paged<Item>(
        _ operation: String, _ fetch: (String?) async throws(AWSClientError) -> (items: [Item], next: String?)
    ) async throws(AWSClientError) -> [Item] {
        try await Paginator(context: core.context(.organizations, operation: operation)).collect(fetch)
    }
}

/// The body of operations that take no parameters: `{}`.
struct EmptyInput: Encodable, Sendable {}
