import Foundation
import OpsDeckCore

/// The JSON shapes of the Organizations operations this client uses, named as on the wire.
enum OrganizationsWire {
    struct PageInput: Encodable {
        var NextToken: String?
    }

    struct ParentInput: Encodable {
        var ParentId: String
        var NextToken: String?
    }

    struct ResourceInput: Encodable {
        var ResourceId: String
        var NextToken: String?
    }

    struct DescribeOrganizationOutput: Decodable {
        struct Organization: Decodable {
            var Id: String
            var Arn: String?
            var FeatureSet: String?
            var MasterAccountArn: String?
            var MasterAccountId: String?
            var MasterAccountEmail: String?
        }
        var Organization: Organization
    }

    struct Node: Decodable {
        var Id: String
        var Arn: String?
        var Name: String?
    }

    struct ListRootsOutput: Decodable {
        var Roots: [Node]?
        var NextToken: String?
    }

    struct ListUnitsOutput: Decodable {
        var OrganizationalUnits: [Node]?
        var NextToken: String?
    }

    struct AccountShape: Decodable {
        var Id: String
        var Arn: String?
        var Email: String?
        var Name: String?
        var Status: String?
        var State: String?
        var JoinedMethod: String?
        var JoinedTimestamp: Date?

        func model(parentId: String?) -> OrganizationsClient.MemberAccount {
            let raw = State ?? Status ?? ""
            return OrganizationsClient.MemberAccount(
                id: Id, arn: Arn ?? "", name: Name ?? Id, email: Email ?? "",
                status: Account.Status(rawValue: raw), rawStatus: raw, joinedMethod: JoinedMethod,
                joinedAt: JoinedTimestamp, parentId: parentId)
        }
    }

    struct ListAccountsOutput: Decodable {
        var Accounts: [AccountShape]?
        var NextToken: String?
    }

    struct Tag: Decodable {
        var Key: String
        var Value: String
    }

    struct ListTagsOutput: Decodable {
        var Tags: [Tag]?
        var NextToken: String?
    }
}
