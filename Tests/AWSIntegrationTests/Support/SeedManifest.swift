import AWSSigV4
import Foundation

/// What Fixtures/seed_moto.py created, as it printed it (schema 1; README.md in Fixtures/
/// describes every field). Account ids are moto's, deterministic for a fresh server.
struct SeedManifest: Decodable, Sendable {
    struct Organization: Decodable, Sendable {
        let id: String
        let arn: String
        let managementAccountId: String
        let rootId: String
        let featureSet: String

        enum CodingKeys: String, CodingKey {
            case id, arn
            case managementAccountId = "management_account_id"
            case rootId = "root_id"
            case featureSet = "feature_set"
        }
    }

    struct OrganizationalUnit: Decodable, Sendable {
        /// From the root, `/`-separated: `Workloads/Prod`.
        let path: String
        let id: String
        let parentId: String

        enum CodingKeys: String, CodingKey {
            case path, id
            case parentId = "parent_id"
        }
    }

    struct Account: Decodable, Sendable {
        let id: String
        let name: String
        let email: String
        /// The OU path, empty for the management account (in the root).
        let ouPath: String
        let ouId: String
        let tags: [String: String]
        let alias: String
        let management: Bool

        enum CodingKeys: String, CodingKey {
            case id, name, email, tags, alias, management
            case ouPath = "ou_path"
            case ouId = "ou_id"
        }
    }

    struct AdminUser: Decodable, Sendable {
        let name: String
        let arn: String
    }

    struct Role: Decodable, Sendable {
        let name: String
        let path: String
        let arn: String
        let id: String
        let description: String
        let maxSessionDuration: Int
        let tags: [String: String]
        /// Canonical JSON (sorted keys, no spaces). moto answers with the document as
        /// created (not URL-encoded as AWS does); compare parsed documents.
        let trustPolicy: String
        /// Policy name to canonical JSON.
        let inlinePolicies: [String: String]

        enum CodingKeys: String, CodingKey {
            case name, path, arn, id, description, tags
            case maxSessionDuration = "max_session_duration"
            case trustPolicy = "trust_policy"
            case inlinePolicies = "inline_policies"
        }
    }

    struct RoleDrift: Decodable, Sendable {
        let accountId: String
        let role: String
        /// `missing` or `trust_policy`.
        let kind: String

        enum CodingKeys: String, CodingKey {
            case role, kind
            case accountId = "account_id"
        }
    }

    struct Alarm: Decodable, Sendable {
        let accountId: String
        let region: String
        let name: String
        let arn: String
        let namespace: String
        let metric: String
        let dimensions: [String: String]
        let threshold: Double
        /// `ALARM`, `OK` or `INSUFFICIENT_DATA`.
        let state: String

        enum CodingKeys: String, CodingKey {
            case region, name, arn, namespace, metric, dimensions, threshold, state
            case accountId = "account_id"
        }
    }

    struct CodeBuildProject: Decodable, Sendable {
        let accountId: String
        let region: String
        let project: String
        let buildIds: [String]

        enum CodingKeys: String, CodingKey {
            case region, project
            case accountId = "account_id"
            case buildIds = "build_ids"
        }
    }

    struct ECSService: Decodable, Sendable {
        let name: String
        let arn: String
        let taskDefinition: String
        let desiredCount: Int

        enum CodingKeys: String, CodingKey {
            case name, arn
            case taskDefinition = "task_definition"
            case desiredCount = "desired_count"
        }
    }

    struct ECSCluster: Decodable, Sendable {
        let accountId: String
        let region: String
        let cluster: String
        let arn: String
        let services: [ECSService]

        enum CodingKeys: String, CodingKey {
            case region, cluster, arn, services
            case accountId = "account_id"
        }
    }

    struct Budget: Decodable, Sendable {
        let accountId: String
        let name: String
        /// Decimal strings, as the Budgets API carries them.
        let limit: String
        let actual: String
        let forecast: String
        let unit: String
        let overLimit: Bool

        enum CodingKeys: String, CodingKey {
            case name, limit, actual, forecast, unit
            case accountId = "account_id"
            case overLimit = "over_limit"
        }
    }

    /// One GetCostAndUsage request the client must send byte for byte to get its answer.
    struct CostRequest: Decodable, Sendable {
        /// `daily_by_account_page_1`, `daily_by_account_page_2`, `daily_by_service`,
        /// `monthly_by_account`, `monthly_by_service`.
        let name: String
        /// `AWSInsightsIndexService.GetCostAndUsage`.
        let target: String
        /// The exact JSON body: sorted keys, no whitespace, `/` unescaped.
        let body: String
        let resultPeriods: Int
        let nextPageToken: String?
        /// Per group key (account id or service name), the sum over the answer's periods.
        let totals: [String: Double]

        enum CodingKeys: String, CodingKey {
            case name, target, body, totals
            case resultPeriods = "result_periods"
            case nextPageToken = "next_page_token"
        }
    }

    struct CostExplorer: Decodable, Sendable {
        let accountId: String
        let region: String
        let metric: String
        let dailyStart: String
        let monthlyStart: String
        let end: String
        let requests: [CostRequest]

        enum CodingKeys: String, CodingKey {
            case region, metric, end, requests
            case accountId = "account_id"
            case dailyStart = "daily_start"
            case monthlyStart = "monthly_start"
        }
    }

    let schema: Int
    let endpoint: String
    let today: String
    let organization: Organization
    let organizationalUnits: [OrganizationalUnit]
    /// The management account first, then the members in seeding order.
    let accounts: [Account]
    let regions: [String]
    let adminUser: AdminUser
    /// The admin user's key pair; the secret never shows when printed.
    let adminCredentials: AWSCredentials
    let readRoleName: String
    /// Member account id to its roles, sorted by name.
    let roles: [String: [Role]]
    let roleDrift: [RoleDrift]
    let alarms: [Alarm]
    let codebuild: [CodeBuildProject]
    let ecs: [ECSCluster]
    let budgets: [Budget]
    let costExplorer: CostExplorer
    /// How long seeding took.
    let seconds: Double

    enum CodingKeys: String, CodingKey {
        case schema, endpoint, today, organization, accounts, regions, roles, alarms, codebuild, ecs, budgets
        case seconds
        case organizationalUnits = "organizational_units"
        case adminUser = "admin_user"
        case adminAccessKeyId = "admin_access_key_id"
        case adminSecretAccessKey = "admin_secret_access_key"
        case readRoleName = "read_role_name"
        case roleDrift = "role_drift"
        case costExplorer = "cost_explorer"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(Int.self, forKey: .schema)
        endpoint = try container.decode(String.self, forKey: .endpoint)
        today = try container.decode(String.self, forKey: .today)
        organization = try container.decode(Organization.self, forKey: .organization)
        organizationalUnits = try container.decode([OrganizationalUnit].self, forKey: .organizationalUnits)
        accounts = try container.decode([Account].self, forKey: .accounts)
        regions = try container.decode([String].self, forKey: .regions)
        adminUser = try container.decode(AdminUser.self, forKey: .adminUser)
        adminCredentials = AWSCredentials(
            accessKeyId: try container.decode(String.self, forKey: .adminAccessKeyId),
            secretAccessKey: try container.decode(String.self, forKey: .adminSecretAccessKey))
        readRoleName = try container.decode(String.self, forKey: .readRoleName)
        roles = try container.decode([String: [Role]].self, forKey: .roles)
        roleDrift = try container.decode([RoleDrift].self, forKey: .roleDrift)
        alarms = try container.decode([Alarm].self, forKey: .alarms)
        codebuild = try container.decode([CodeBuildProject].self, forKey: .codebuild)
        ecs = try container.decode([ECSCluster].self, forKey: .ecs)
        budgets = try container.decode([Budget].self, forKey: .budgets)
        costExplorer = try container.decode(CostExplorer.self, forKey: .costExplorer)
        seconds = try container.decode(Double.self, forKey: .seconds)
    }

    /// The management account.
    var managementAccount: Account? { accounts.first { $0.management } }

    /// The member accounts, in seeding order.
    var memberAccounts: [Account] { accounts.filter { !$0.management } }

    /// The account with `name` (`payments-prod`), if seeded.
    func account(named name: String) -> Account? { accounts.first { $0.name == name } }

    /// The cost request with `name` (`daily_by_service`), if seeded.
    func costRequest(named name: String) -> CostRequest? { costExplorer.requests.first { $0.name == name } }
}
