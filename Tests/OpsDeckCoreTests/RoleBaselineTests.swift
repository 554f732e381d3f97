import OpsDeckCore
import Testing

@Suite struct RoleBaselineTests {
    typealias F = CoreFixtures
    let accounts = ["a1", "a2", "a3", "a4"]

    private func entry(_ baseline: RoleBaseline, _ name: String) throws -> RoleBaseline.Entry {
        try #require(baseline.entries.first { $0.roleName == name })
    }

    @Test func roleInEveryAccountWithOnePolicyIsClean() throws {
        let roles = accounts.map { F.role("ReadOnly", in: $0) }
        let baseline = RoleBaseline(roles: roles, accountIds: accounts)
        let readOnly = try entry(baseline, "ReadOnly")
        #expect(readOnly.isClean)
        #expect(readOnly.presentIn == accounts)
        #expect(readOnly.missingIn.isEmpty)
        #expect(readOnly.driftedIn.isEmpty)
        #expect(baseline.driftedRoleARNs.isEmpty)
    }

    @Test func roleInHalfTheAccountsIsBaselineAndReportsTheRestMissing() throws {
        let roles = [F.role("Deploy", in: "a3"), F.role("Deploy", in: "a1")]
        let deploy = try entry(RoleBaseline(roles: roles, accountIds: accounts), "Deploy")
        #expect(deploy.presentIn == ["a1", "a3"])
        #expect(deploy.missingIn == ["a2", "a4"])
        #expect(!deploy.isClean)
    }

    @Test func roleInFewerThanHalfIsNotBaselineAndNotReportedMissing() throws {
        let special = try entry(
            RoleBaseline(roles: [F.role("Special", in: "a2")], accountIds: accounts), "Special")
        #expect(special.presentIn == ["a2"])
        #expect(special.missingIn.isEmpty)
        #expect(special.isClean)
    }

    @Test func minorityTrustPolicyIsDrift() throws {
        let roles = [
            F.role("Admin", in: "a1", trust: "sso"), F.role("Admin", in: "a2", trust: "sso"),
            F.role("Admin", in: "a3", trust: "sso"), F.role("Admin", in: "a4", trust: "anyone"),
        ]
        let baseline = RoleBaseline(roles: roles, accountIds: accounts)
        let admin = try entry(baseline, "Admin")
        #expect(admin.driftedIn == ["a4"])
        #expect(admin.missingIn.isEmpty)
        #expect(!admin.isClean)
        #expect(baseline.driftedRoleARNs == ["arn:aws:iam::a4:role/Admin"])
    }

    @Test func policyTieIsDecidedTheSameWayWhateverTheInputOrder() throws {
        let roles = [
            F.role("Ops", in: "a1", trust: "beta"), F.role("Ops", in: "a2", trust: "alpha"),
            F.role("Ops", in: "a3", trust: "beta"), F.role("Ops", in: "a4", trust: "alpha"),
        ]
        let forward = try entry(RoleBaseline(roles: roles, accountIds: accounts), "Ops")
        let backward = try entry(
            RoleBaseline(roles: roles.reversed(), accountIds: accounts.reversed()), "Ops")
        #expect(forward.driftedIn == backward.driftedIn)
        #expect(forward.driftedIn.count == 2)
    }

    @Test func breakGlassIsFlaggedWhenAnyCopyIsBreakGlass() throws {
        let roles = [F.role("Emergency", in: "a1"), F.role("Emergency", in: "a2", breakGlass: true)]
        let baseline = RoleBaseline(roles: roles, accountIds: accounts)
        #expect(try entry(baseline, "Emergency").isBreakGlass)
        let plain = RoleBaseline(roles: [F.role("Plain", in: "a1")], accountIds: accounts)
        #expect(try !entry(plain, "Plain").isBreakGlass)
    }

    @Test func rolesInAccountsOutsideTheActiveSetAreIgnored() throws {
        let roles = [
            F.role("Admin", in: "a1"), F.role("Admin", in: "a2"), F.role("Admin", in: "a3"),
            F.role("Admin", in: "a4"), F.role("Admin", in: "suspended", trust: "weird"),
            F.role("OnlyInSuspended", in: "suspended"),
        ]
        let baseline = RoleBaseline(roles: roles, accountIds: accounts)
        #expect(baseline.entries.map(\.roleName) == ["Admin"])
        #expect(try entry(baseline, "Admin").isClean)
        #expect(baseline.driftedRoleARNs.isEmpty)
    }

    @Test func entriesListProblemsFirstThenByName() {
        let roles = [
            F.role("Zeta", in: "a1"), F.role("Zeta", in: "a2"), F.role("Zeta", in: "a3"),
            F.role("Zeta", in: "a4"),
            F.role("Alpha", in: "a1"), F.role("Alpha", in: "a2"), F.role("Alpha", in: "a3"),
            F.role("Alpha", in: "a4"),
            F.role("Missing", in: "a1"), F.role("Missing", in: "a2"),
            F.role("Drift", in: "a1"), F.role("Drift", in: "a2"), F.role("Drift", in: "a3"),
            F.role("Drift", in: "a4", trust: "Q"),
        ]
        let names = RoleBaseline(roles: roles, accountIds: accounts).entries.map(\.roleName)
        #expect(names == ["Drift", "Missing", "Alpha", "Zeta"])
    }

    @Test func noRolesNoEntries() {
        let baseline = RoleBaseline(roles: [], accountIds: accounts)
        #expect(baseline.entries.isEmpty)
        #expect(baseline.driftedRoleARNs.isEmpty)
    }
}
