import Foundation
import OpsDeckCore

extension DemoOrganization {
    /// The OUs every demo has: Root > Security, SharedServices, Workloads > {Dev, Staging, Prod}, Sandbox.
    enum Unit: String, CaseIterable {
        case root = "Root"
        case security = "Security"
        case shared = "SharedServices"
        case workloads = "Workloads"
        case dev = "Dev"
        case staging = "Staging"
        case prod = "Prod"
        case sandbox = "Sandbox"

        var parent: Unit? {
            switch self {
            case .root: nil
            case .security, .shared, .workloads, .sandbox: .root
            case .dev, .staging, .prod: .workloads
            }
        }

        var path: String {
            guard let parent else { return rawValue }
            return parent.path + "/" + rawValue
        }

        var environment: Environment {
            switch self {
            case .root, .shared, .workloads: .shared
            case .security: .security
            case .dev: .dev
            case .staging: .staging
            case .prod: .prod
            case .sandbox: .sandbox
            }
        }
    }

    struct AccountSpec {
        var name: String
        var unit: Unit
        var team: String
        var app: String?
        var status: Account.Status = .active
        var isManagement = false
    }

    static let workloadApps = ["payments", "checkout", "catalog", "data", "identity"]

    /// The 25 accounts of the standard demo, in OU order.
    static let standardSpecs: [AccountSpec] = {
        var specs = [
            AccountSpec(name: "acme-management", unit: .root, team: "cloud-platform", isManagement: true)
        ]
        specs += ["log-archive", "audit", "security-tooling"].map {
            AccountSpec(name: $0, unit: .security, team: "security")
        }
        specs += ["network", "shared-tools", "cicd", "backup"].map {
            AccountSpec(name: $0, unit: .shared, team: "cloud-platform")
        }
        for (unit, suffix, apps) in [
            (Unit.dev, "dev", ["payments", "checkout", "catalog", "data"]),
            (Unit.staging, "staging", ["payments", "checkout", "catalog"]),
            (Unit.prod, "prod", workloadApps),
        ] {
            specs += apps.map {
                AccountSpec(name: "\($0)-\(suffix)", unit: unit, team: "\($0)-team", app: $0)
            }
        }
        for person in ["alice", "bob", "chen", "dana", "erik"] {
            specs.append(
                AccountSpec(
                    name: "sandbox-\(person)", unit: .sandbox, team: person,
                    status: person == "dana" ? .suspended : .active))
        }
        return specs
    }()

    private static let largeTeams = [
        "payments", "checkout", "catalog", "search", "identity", "ledger", "orders", "shipping", "pricing",
        "inventory", "loyalty", "reviews", "media", "notifications", "analytics", "ml", "fraud", "billing",
        "support", "growth", "ads", "maps", "messaging", "partners", "reporting",
    ]
    private static let largeComponents = [
        "api", "web", "worker", "stream", "batch", "edge", "etl", "gateway", "sync", "jobs", "core", "events",
    ]
    private static let people = [
        "alice", "bob", "chen", "dana", "erik", "fatima", "gus", "hana", "ivan", "jules", "kofi", "lena",
        "mateo",
        "nora", "omar", "priya", "quinn", "rosa", "sven", "tariq", "uma", "vik", "wren", "xia", "yusuf",
        "zoe",
        "amir", "bea", "carlos", "dmitri", "elif", "femi",
    ]

    static let largeAccountCount = 1_000

    /// The standard accounts plus generated team accounts and sandboxes, exactly 1,000.
    private static func largeSpecs(rng: inout SplitMix64) -> [AccountSpec] {
        var specs = standardSpecs
        let sandboxes = 105
        var workloads: [AccountSpec] = []
        for team in largeTeams {
            for component in largeComponents {
                for (unit, suffix) in [(Unit.dev, "dev"), (Unit.staging, "staging"), (Unit.prod, "prod")] {
                    workloads.append(
                        AccountSpec(
                            name: "\(team)-\(component)-\(suffix)", unit: unit, team: "\(team)-team",
                            app: "\(team)-\(component)"))
                }
            }
        }
        rng.shuffle(&workloads)
        specs += workloads.prefix(largeAccountCount - standardSpecs.count - sandboxes)
        var names = Set(specs.map(\.name))
        var candidate = 0
        while specs.count < largeAccountCount {
            let person = people[candidate % people.count]
            let round = candidate / people.count
            candidate += 1
            let name = round == 0 ? "sandbox-\(person)" : "sandbox-\(person)\(round + 1)"
            guard names.insert(name).inserted else { continue }
            let index = specs.count
            let status: Account.Status =
                index % 20 == 7 ? .suspended : (index == largeAccountCount - 1 ? .pendingClosure : .active)
            specs.append(AccountSpec(name: name, unit: .sandbox, team: person, status: status))
        }
        return specs
    }

    static func makeOrganization(size: DemoSize, seed: UInt64, clock: DemoClock) -> GeneratedOrg {
        var rng = SplitMix64(seed: seed, stream: "organization")
        let alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        let rootSuffix = rng.characters(4, from: alphabet)
        var unitIds: [Unit: String] = [:]
        for unit in Unit.allCases {
            unitIds[unit] =
                unit == .root ? "r-\(rootSuffix)" : "ou-\(rootSuffix)-\(rng.characters(8, from: alphabet))"
        }
        let units = Unit.allCases.map { unit in
            OrganizationalUnit(
                id: unitIds[unit] ?? "", name: unit.rawValue, parentId: unit.parent.flatMap { unitIds[$0] },
                path: unit.path)
        }

        let specs = size == .large ? largeSpecs(rng: &rng) : standardSpecs
        var usedIds = Set<String>()
        var members: [GeneratedOrg.Member] = []
        members.reserveCapacity(specs.count)
        for spec in specs {
            var id: String
            repeat {
                id = String(rng.int(100_000_000_000...999_999_999_999))
            } while !usedIds.insert(id).inserted
            members.append(
                GeneratedOrg.Member(
                    account: makeAccount(
                        spec, id: id, ouId: unitIds[spec.unit] ?? "", rng: &rng, clock: clock),
                    team: spec.team, app: spec.app))
        }
        let management = members.first(where: { $0.account.isManagement })?.account ?? members[0].account
        let info = OrganizationInfo(
            organizationId: "o-\(rng.characters(10, from: alphabet))", managementAccountId: management.id,
            managementAccountName: management.name,
            callerARN: "arn:aws:sts::\(management.id):assumed-role/\(ssoAdminRoleName)/demo@acme.example",
            profile: profile, regions: regions, isDemo: true)
        return GeneratedOrg(info: info, units: units, members: members, management: management)
    }

    private static func makeAccount(
        _ spec: AccountSpec, id: String, ouId: String, rng: inout SplitMix64, clock: DemoClock
    ) -> Account {
        let environment: Environment = spec.isManagement ? .shared : spec.unit.environment
        var tags = ["Environment": environment.rawValue, "Owner": spec.team]
        if spec.unit != .sandbox {
            tags["CostCenter"] = "cc-\(rng.int(1000...9999))"
        }
        if spec.unit == .prod {
            tags["DataClassification"] = rng.chance(0.5) ? "confidential" : "internal"
        }
        let joinedDaysAgo: Double =
            spec.isManagement
            ? 2_200 : (spec.unit == .sandbox ? rng.double(20...400) : rng.double(200...1_800))
        return Account(
            id: id, name: spec.name, email: "aws+\(spec.name)@acme.example", status: spec.status, ouId: ouId,
            ouPath: spec.unit.path, environment: environment,
            alias: spec.unit == .sandbox
                ? nil : spec.name.hasPrefix("acme-") ? spec.name : "acme-\(spec.name)",
            tags: tags,
            isManagement: spec.isManagement,
            joinedAt: clock.daysAgo(joinedDaysAgo.rounded()))
    }
}
