import Foundation
import Logging
import OpsDeckCore

/// IAM: roles with their trust policies and tags, and the account alias. Lists follow
/// `Marker` while `IsTruncated` is true.
public struct IAMClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// Every role (under `pathPrefix`, when given), with its trust policy as canonical JSON.
    /// `ListRoles` returns no tags; see `listRoleTags(roleName:)`.
    /// - Throws: `AWSClientError`.
    public func listRoles(pathPrefix: String? = nil) async throws(AWSClientError) -> [Role] {
        try await paged("ListRoles", listName: "Roles") { parameters in
            parameters.set("PathPrefix", pathPrefix)
        } item: { member in
            role(from: member)
        }
    }

    /// The tags of one role.
    /// - Throws: `AWSClientError` (`NoSuchEntity` for an unknown role).
    public func listRoleTags(roleName: String) async throws(AWSClientError) -> [String: String] {
        let pairs: [(String, String)] = try await paged("ListRoleTags", listName: "Tags") { parameters in
            parameters.set("RoleName", roleName)
        } item: { member in
            member.string("Key").map { ($0, member.string("Value") ?? "") }
        }
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }

    /// The account's aliases (at most one exists).
    /// - Throws: `AWSClientError`.
    public func listAccountAliases() async throws(AWSClientError) -> [String] {
        try await paged("ListAccountAliases", listName: "AccountAliases") { _ in
        } item: { member in
            member.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    private func role(from member: XMLNode) -> Role? {
        guard let name = member.string("RoleName"), let arn = member.string("Arn") else { return nil }
        let document = member.string("AssumeRolePolicyDocument") ?? ""
        let trustPolicy: String
        do {
            trustPolicy = try TrustPolicy.canonicalize(urlEncoded: document)
        } catch {
            // One odd document should not hide the other roles; keep it as sent and say so.
            core.logger.warning(
                "trust policy is not JSON; kept as sent", metadata: ["aws.role": "\(arn)"])
            trustPolicy = document
        }
        return Role(
            accountId: AWSARN.accountId(of: arn) ?? core.accountId ?? "", name: name, arn: arn,
            path: member.string("Path") ?? "/", trustPolicy: trustPolicy,
            maxSessionDuration: member.int("MaxSessionDuration") ?? 3600,
            createdAt: member.date("CreateDate"),
            lastUsedAt: member.child("RoleLastUsed")?.date("LastUsedDate"),
            tags: member.keyValueMembers("Tags"))
    }

    private func paged<Item>(
        _ action: String, listName: String, parameters: (inout QueryParameters) -> Void,
        item: (XMLNode) -> Item?
    ) async throws(AWSClientError) -> [Item] {
        var base = QueryParameters()
        parameters(&base)
        let context = core.context(.iam, operation: action)
        return try await Paginator(context: context).collect { marker throws(AWSClientError) in
            var page = base
            page.set("Marker", marker)
            let result = try await core.query(.iam, action: action, parameters: page)
            let items = result.members(listName).compactMap(item)
            guard result.bool("IsTruncated") == true else { return (items, nil) }
            guard let next = result.string("Marker"), !next.isEmpty else {
                throw .invalidResponse(
                    context: context, reason: "IsTruncated is true but there is no Marker", requestId: nil)
            }
            return (items, next)
        }
    }
}
