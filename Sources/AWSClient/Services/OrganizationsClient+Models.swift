import Foundation
import OpsDeckCore

extension OrganizationsClient {
    /// The organization, from `DescribeOrganization`.
    public struct Organization: Sendable, Hashable {
        /// `o-...`.
        public var id: String
        public var arn: String
        /// `ALL` or `CONSOLIDATED_BILLING`.
        public var featureSet: String
        public var managementAccountId: String
        public var managementAccountArn: String
        public var managementAccountEmail: String

        /// Creates an organization.
        public init(
            id: String, arn: String, featureSet: String, managementAccountId: String,
            managementAccountArn: String, managementAccountEmail: String
        ) {
            self.id = id
            self.arn = arn
            self.featureSet = featureSet
            self.managementAccountId = managementAccountId
            self.managementAccountArn = managementAccountArn
            self.managementAccountEmail = managementAccountEmail
        }
    }

    /// A root of the OU tree.
    public struct Root: Sendable, Hashable {
        /// `r-...`.
        public var id: String
        public var arn: String
        public var name: String

        /// Creates a root.
        public init(id: String, arn: String, name: String) {
            self.id = id
            self.arn = arn
            self.name = name
        }
    }

    /// An organizational unit under a parent.
    public struct Unit: Sendable, Hashable {
        /// `ou-...`.
        public var id: String
        public var arn: String
        public var name: String
        /// The root or OU it was listed under.
        public var parentId: String

        /// Creates a unit.
        public init(id: String, arn: String, name: String, parentId: String) {
            self.id = id
            self.arn = arn
            self.name = name
            self.parentId = parentId
        }

        /// The OpsDeck model, given the path of the parent (`Root/Workloads`).
        public func organizationalUnit(parentPath: String) -> OrganizationalUnit {
            OrganizationalUnit(id: id, name: name, parentId: parentId, path: "\(parentPath)/\(name)")
        }
    }

    /// A member account as Organizations lists it.
    public struct MemberAccount: Sendable, Hashable {
        public var id: String
        public var arn: String
        public var name: String
        public var email: String
        /// `Status` mapped to OpsDeck's states; nil for a state OpsDeck does not know
        /// (such as `CLOSED` or `PENDING_ACTIVATION`), see `rawStatus`.
        public var status: Account.Status?
        /// The status as sent (`State` where the service sends it, else `Status`).
        public var rawStatus: String
        /// `INVITED` or `CREATED`.
        public var joinedMethod: String?
        public var joinedAt: Date?
        /// The parent it was listed under; nil from `ListAccounts`.
        public var parentId: String?

        /// Creates a member account.
        public init(
            id: String, arn: String, name: String, email: String, status: Account.Status?, rawStatus: String,
            joinedMethod: String? = nil, joinedAt: Date? = nil, parentId: String? = nil
        ) {
            self.id = id
            self.arn = arn
            self.name = name
            self.email = email
            self.status = status
            self.rawStatus = rawStatus
            self.joinedMethod = joinedMethod
            self.joinedAt = joinedAt
            self.parentId = parentId
        }

        /// The OpsDeck model, given where the account sits and what else is known about it.
        /// The environment is inferred from the OU path and tags.
        public func account(
            ouId: String, ouPath: String, tags: [String: String] = [:], alias: String? = nil,
            managementAccountId: String? = nil
        ) -> Account {
            Account(
                id: id, name: name, email: email, status: status ?? .suspended, ouId: ouId, ouPath: ouPath,
                environment: Environment.infer(ouPath: ouPath, tags: tags), alias: alias, tags: tags,
                isManagement: id == managementAccountId, joinedAt: joinedAt)
        }
    }
}
