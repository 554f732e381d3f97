import Foundation
import OpsDeckCore

extension DemoOrganization {
    static let ssoAdminRoleName = "AWSReservedSSO_AdministratorAccess_4f1c2b9a7d3e6081"
    static let ssoReadOnlyRoleName = "AWSReservedSSO_ReadOnlyAccess_a93d07c5e1b24f68"
    static let breakGlassRoleName = "BreakGlassAdmin"

    struct RoleTemplate {
        var name: String
        var path: String = "/"
        var trust: String
        var maxSession: Int = 3600
        var tags: [String: String] = [:]
        var isBreakGlass = false
        /// Never used by people, so usually without a last-used date.
        var isServiceRole = false
    }

    /// A trust policy in the canonical form the providers store: keys sorted, no spaces.
    static func trustPolicy(principal: String, value: String, condition: String? = nil) -> String {
        let conditionPart = condition.map { "\"Condition\":\($0)," } ?? ""
        let action = principal == "Federated" ? "sts:AssumeRoleWithSAML" : "sts:AssumeRole"
        return "{\"Statement\":[{\"Action\":\"\(action)\",\(conditionPart)\"Effect\":\"Allow\","
            + "\"Principal\":{\"\(principal)\":\"\(value)\"}}],\"Version\":\"2012-10-17\"}"
    }

    static let mfaCondition = "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"

    /// The roles every account of the organization is meant to have.
    static func roleTemplates(size: DemoSize, org: GeneratedOrg) -> [RoleTemplate] {
        let management = org.management.id
        let cicd = org.member(named: "cicd")?.account.id ?? management
        let security = org.member(named: "security-tooling")?.account.id ?? management
        let saml = "arn:aws:iam::\(management):saml-provider/AWSSSO_5e2a8f0c1d9b7364_DO_NOT_DELETE"
        var templates = [
            RoleTemplate(
                name: "OrganizationAccountAccessRole",
                trust: trustPolicy(principal: "AWS", value: "arn:aws:iam::\(management):root")),
            RoleTemplate(
                name: "OpsDeckReadOnly",
                trust: trustPolicy(principal: "AWS", value: "arn:aws:iam::\(security):root"),
                tags: ["ManagedBy": "terraform"]),
            RoleTemplate(
                name: "Admin",
                trust: trustPolicy(
                    principal: "AWS", value: "arn:aws:iam::\(management):root", condition: mfaCondition),
                tags: ["ManagedBy": "terraform"]),
            RoleTemplate(
                name: "DeployRole", path: "/ci/",
                trust: trustPolicy(principal: "AWS", value: "arn:aws:iam::\(cicd):role/ci-runner"),
                maxSession: 7200,
                tags: ["ManagedBy": "terraform", "Purpose": "ci"]),
            RoleTemplate(
                name: breakGlassRoleName, path: "/breakglass/",
                trust: trustPolicy(
                    principal: "AWS", value: "arn:aws:iam::\(management):root", condition: mfaCondition),
                tags: ["breakglass": "true", "ManagedBy": "terraform"], isBreakGlass: true),
            RoleTemplate(
                name: ssoAdminRoleName, path: "/aws-reserved/sso.amazonaws.com/",
                trust: trustPolicy(principal: "Federated", value: saml), maxSession: 43_200),
            RoleTemplate(
                name: ssoReadOnlyRoleName, path: "/aws-reserved/sso.amazonaws.com/",
                trust: trustPolicy(principal: "Federated", value: saml), maxSession: 43_200),
            serviceRole("AWSServiceRoleForSupport", service: "support.amazonaws.com"),
        ]
        guard size == .large else { return templates }
        templates += [
            serviceRole("AWSServiceRoleForOrganizations", service: "organizations.amazonaws.com"),
            serviceRole("AWSServiceRoleForTrustedAdvisor", service: "trustedadvisor.amazonaws.com"),
            serviceRole("AWSServiceRoleForConfig", service: "config.amazonaws.com"),
            serviceRole("AWSServiceRoleForAmazonGuardDuty", service: "guardduty.amazonaws.com"),
            serviceRole("AWSServiceRoleForECS", service: "ecs.amazonaws.com"),
            serviceRole(
                "AWSServiceRoleForElasticLoadBalancing", service: "elasticloadbalancing.amazonaws.com"),
            serviceRole("AWSServiceRoleForAutoScaling", service: "autoscaling.amazonaws.com"),
            serviceRole("AWSServiceRoleForRDS", service: "rds.amazonaws.com"),
            RoleTemplate(
                name: "ecsTaskExecutionRole",
                trust: trustPolicy(principal: "Service", value: "ecs-tasks.amazonaws.com"),
                isServiceRole: true),
            RoleTemplate(
                name: "lambda-basic-execution",
                trust: trustPolicy(principal: "Service", value: "lambda.amazonaws.com"),
                isServiceRole: true),
            RoleTemplate(
                name: "AWSReservedSSO_PowerUserAccess_0b7e4d21c8f35a96",
                path: "/aws-reserved/sso.amazonaws.com/",
                trust: trustPolicy(principal: "Federated", value: saml), maxSession: 43_200),
            RoleTemplate(
                name: "SecurityAudit",
                trust: trustPolicy(principal: "AWS", value: "arn:aws:iam::\(security):root"),
                tags: ["ManagedBy": "terraform"]),
        ]
        return templates
    }

    private static func serviceRole(_ name: String, service: String) -> RoleTemplate {
        RoleTemplate(
            name: name, path: "/aws-service-role/\(service)/",
            trust: trustPolicy(principal: "Service", value: service),
            isServiceRole: true)
    }

    /// Standard drift: what a reviewer should find.
    private static let standardMissing: [(account: String, role: String)] = [
        ("catalog-dev", breakGlassRoleName),
        ("sandbox-erik", breakGlassRoleName),
        ("data-dev", "DeployRole"),
        ("sandbox-bob", "OpsDeckReadOnly"),
    ]
    /// Standard drift: the one account whose Admin trusts an outside account.
    static let standardTrustDrift = (account: "checkout-staging", role: "Admin")
    static let outsideAccount = "999988887777"

    static let largeRoleCount = 20_000

    static func makeRoles(size: DemoSize, org: GeneratedOrg, seed: UInt64, clock: DemoClock) -> [Role] {
        var rng = SplitMix64(seed: seed, stream: "roles")
        let templates = roleTemplates(size: size, org: org)
        let driftedTrust = trustPolicy(
            principal: "AWS", value: "arn:aws:iam::\(outsideAccount):root", condition: mfaCondition)
        var roles: [Role] = []
        roles.reserveCapacity(size == .large ? largeRoleCount : 200)
        // Accounts whose roles may be dropped or added to reach an exact large count.
        var perAccount: [[Role]] = []
        for member in org.active {
            let account = member.account
            var accountRoles: [Role] = []
            for template in templates {
                if isMissing(template.name, in: account, size: size, rng: &rng) { continue }
                var role = makeRole(template, account: account, rng: &rng, clock: clock)
                let trustDrift =
                    size == .standard
                    ? account.name == standardTrustDrift.account && template.name == standardTrustDrift.role
                    : template.name == "Admin" && rng.chance(0.005)
                if trustDrift { role.trustPolicy = driftedTrust }
                accountRoles.append(role)
            }
            if account.name == "payments-prod" {
                // A break-glass role someone actually used three days ago: worth a look.
                if let index = accountRoles.firstIndex(where: { $0.isBreakGlass }) {
                    accountRoles[index].lastUsedAt = clock.hoursAgo(71)
                }
            }
            perAccount.append(accountRoles)
        }
        if size == .large {
            adjust(&perAccount, to: largeRoleCount, templates: templates, org: org, rng: &rng, clock: clock)
        }
        for accountRoles in perAccount { roles += accountRoles }
        return roles
    }

    private static func isMissing(_ role: String, in account: Account, size: DemoSize, rng: inout SplitMix64)
        -> Bool
    {
        switch size {
        case .standard:
            return standardMissing.contains { $0.account == account.name && $0.role == role }
        case .large:
            switch role {
            case breakGlassRoleName: return rng.chance(0.01)
            case "DeployRole": return account.environment == .sandbox || rng.chance(0.02)
            case "OpsDeckReadOnly": return rng.chance(0.004)
            default: return false
            }
        }
    }

    private static func makeRole(
        _ template: RoleTemplate, account: Account, rng: inout SplitMix64, clock: DemoClock
    ) -> Role {
        let joined = account.joinedAt ?? clock.daysAgo(365)
        let created = joined.addingTimeInterval(rng.double(0...30) * DemoClock.day)
        let lastUsed: Date?
        if template.isBreakGlass {
            lastUsed = nil
        } else if template.isServiceRole {
            lastUsed = rng.chance(0.3) ? clock.hoursAgo(rng.double(1...700)) : nil
        } else {
            lastUsed = rng.chance(0.85) ? clock.minutesAgo(rng.double(5...(60 * 24 * 45))) : nil
        }
        return Role(
            accountId: account.id, name: template.name,
            arn: "arn:aws:iam::\(account.id):role\(template.path)\(template.name)", path: template.path,
            trustPolicy: template.trust, maxSessionDuration: template.maxSession, createdAt: created,
            lastUsedAt: lastUsed, tags: template.tags, isBreakGlass: template.isBreakGlass)
    }

    /// Adds one-off roles to random accounts, or drops optional ones, until the total is exact.
    private static func adjust(
        _ perAccount: inout [[Role]], to target: Int, templates: [RoleTemplate], org: GeneratedOrg,
        rng: inout SplitMix64, clock: DemoClock
    ) {
        guard !perAccount.isEmpty else { return }
        let members = org.active
        var total = perAccount.reduce(0) { $0 + $1.count }
        var serial = 0
        while total < target {
            let index = rng.int(0...(perAccount.count - 1))
            let account = members[index].account
            serial += 1
            let name =
                rng.chance(0.5)
                ? "app-\(members[index].app ?? members[index].team)-task-\(serial)" : "temp-debug-\(serial)"
            let template = RoleTemplate(
                name: name, trust: trustPolicy(principal: "Service", value: "ecs-tasks.amazonaws.com"),
                tags: ["ManagedBy": "console"])
            perAccount[index].append(makeRole(template, account: account, rng: &rng, clock: clock))
            total += 1
        }
        for index in perAccount.indices where total > target {
            if let drop = perAccount[index].lastIndex(where: { $0.name == "lambda-basic-execution" }) {
                perAccount[index].remove(at: drop)
                total -= 1
            }
        }
    }
}
