import Foundation
import OpsDeckCore
import Testing

@testable import BreakGlass

@Suite struct STSLimitsTests {
    @Test(arguments: [
        ("alice", "alice"), ("a", "a-"), ("jean pierre", "jean-pierre"), ("ops/admin:x", "ops-admin-x"),
        ("user+tag=v,a.b@c-d_e", "user+tag=v,a.b@c-d_e"),
    ])
    func sessionNames(input: String, expected: String) {
        #expect(STSLimits.sessionName(input) == expected)
    }

    @Test func sessionNamesAreCutTo64() {
        #expect(STSLimits.sessionName(String(repeating: "x", count: 100)).count == 64)
    }

    @Test func tagTextKeepsTheAllowedAlphabetAndLength() {
        #expect(STSLimits.tagText("DB down; failover (INC-42) #now") == "DB down failover INC-42 now")
        #expect(STSLimits.tagText("Größe 10/20 = ok: é") == "Größe 10/20 = ok: é")
        #expect(STSLimits.tagText("line\nbreak\t\ttab") == "line break tab")
        #expect(STSLimits.tagText(String(repeating: "word ", count: 100)).count <= 256)
    }

    @Test(arguments: [
        ("1h", 3600), ("15m", 900), ("1h30m", 5400), ("90m", 5400), ("3600", 3600), ("3600s", 3600),
        ("12h", 43200),
    ])
    func durations(text: String, seconds: Int) {
        #expect(SessionDuration.parse(text) == seconds)
    }

    @Test(arguments: ["", "h", "1x", "-5", "1h30", "0"])
    func badDurations(text: String) {
        #expect(SessionDuration.parse(text) == nil)
    }

    @Test func tooShortADurationIsRefused() {
        #expect(throws: BreakGlassError.self) {
            try SessionDuration.check(
                600, roleMaximum: 3600, callerIsAssumedRole: false, account: "a", role: "r")
        }
    }

    static let accounts = [
        Account(
            id: "111111111111", name: "Payments Production", email: "p@x", ouId: "ou", ouPath: "Root/Prod",
            environment: .prod, alias: "payments-prod"),
        Account(
            id: "222222222222", name: "sandbox", email: "s@x", ouId: "ou", ouPath: "Root/Dev",
            environment: .dev),
        Account(
            id: "333333333333", name: "twin", email: "t1@x", ouId: "ou", ouPath: "Root/Dev", environment: .dev
        ),
        Account(
            id: "444444444444", name: "twin", email: "t2@x", ouId: "ou", ouPath: "Root/Dev", environment: .dev
        ),
    ]
    static let roles = [
        Role(
            accountId: "111111111111", name: "BreakGlassAdmin",
            arn: "arn:aws:iam::111111111111:role/breakglass/BreakGlassAdmin", path: "/breakglass/",
            trustPolicy: "{}",
            maxSessionDuration: 7200, isBreakGlass: true)
    ]

    @Test(arguments: ["111111111111", "payments-prod", "PAYMENTS-PROD", "payments production"])
    func accountsResolveByIdAliasOrName(query: String) throws {
        let target = try BreakGlassTarget.resolve(
            account: query, role: "BreakGlassAdmin", accounts: Self.accounts, roles: Self.roles)
        #expect(target.accountId == "111111111111")
        #expect(target.roleArn == "arn:aws:iam::111111111111:role/breakglass/BreakGlassAdmin")
        #expect(target.maxSessionDuration == 7200)
        #expect(target.isProduction && target.confirmationText == "payments-prod")
    }

    @Test func anUncachedRoleGetsItsARNBuilt() throws {
        let target = try BreakGlassTarget.resolve(
            account: "sandbox", role: "Admin", accounts: Self.accounts, roles: Self.roles)
        #expect(target.roleArn == "arn:aws:iam::222222222222:role/Admin")
        #expect(target.maxSessionDuration == 3600 && !target.isProduction)
    }

    @Test func unknownAndAmbiguousAccountsAreRefused() {
        #expect(throws: BreakGlassError.unknownAccount("nope")) {
            try BreakGlassTarget.resolve(account: "nope", role: "Admin", accounts: Self.accounts, roles: [])
        }
        #expect {
            try BreakGlassTarget.resolve(account: "twin", role: "Admin", accounts: Self.accounts, roles: [])
        } throws: { error in
            guard case .ambiguousAccount(_, let matches) = error as? BreakGlassError else { return false }
            return matches.count == 2
        }
    }
}
