import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckCache

@Suite struct CacheWriteTests {
    let accountA = "111111111111"
    let accountB = "222222222222"
    let first = Fixture.date("2024-03-01T10:00:00Z")
    let second = Fixture.date("2024-03-01T11:00:00Z")

    @Test func replaceSwapsOnlyItsOwnScope() throws {
        let database = try CacheDatabase.inMemory()
        try database.replace(
            source: .roles, accountId: accountA, region: "global", fetchedAt: first,
            with: .roles([
                Fixture.role("Admin", account: accountA), Fixture.role("ReadOnly", account: accountA),
            ]))
        try database.replace(
            source: .roles, accountId: accountB, region: "global", fetchedAt: first,
            with: .roles([Fixture.role("Admin", account: accountB)]))
        try database.replace(
            source: .roles, accountId: accountA, region: "global", fetchedAt: second,
            with: .roles([Fixture.role("Deploy", account: accountA)]))

        let snapshot = try database.snapshot(now: second)
        let byAccount = Dictionary(grouping: snapshot.roles, by: \.accountId).mapValues {
            $0.map(\.name).sorted()
        }
        #expect(byAccount[accountA] == ["Deploy"])
        #expect(byAccount[accountB] == ["Admin"])
        #expect(snapshot.roles.first { $0.accountId == accountA }?.tags == ["team": "platform"])
        let statusA = try #require(
            snapshot.statuses.first { $0.source == .roles && $0.accountId == accountA })
        #expect(statusA.lastSuccessAt == second)
        #expect(statusA.lastAttemptAt == second)
        #expect(statusA.lastError == nil)
        #expect(snapshot.statuses.first { $0.accountId == accountB }?.lastSuccessAt == first)
        #expect(snapshot.version == 3)
    }

    @Test func failedReplaceKeepsTheOldRowsAndStatus() throws {
        let database = try CacheDatabase.inMemory()
        try database.replace(
            source: .roles, accountId: accountA, region: "global", fetchedAt: first,
            with: .roles([
                Fixture.role("Admin", account: accountA), Fixture.role("ReadOnly", account: accountA),
            ]))
        let before = try database.snapshot(now: second)

        // Two roles with one ARN violate the primary key after the delete already ran.
        let duplicate = Fixture.role("Deploy", account: accountA)
        #expect(throws: CacheError.self) {
            try database.replace(
                source: .roles, accountId: accountA, region: "global", fetchedAt: second,
                with: .roles([Fixture.role("New", account: accountA), duplicate, duplicate]))
        }

        let after = try database.snapshot(now: second)
        #expect(after.roles.map(\.name).sorted() == ["Admin", "ReadOnly"])
        #expect(after.statuses == before.statuses)
        #expect(after.version == before.version)
    }

    @Test func failedWriteSaysWhatItWasWriting() throws {
        let database = try CacheDatabase.inMemory()
        let duplicate = Fixture.role("Deploy", account: accountA)
        do {
            try database.replace(
                source: .roles, accountId: accountA, region: "global", fetchedAt: second,
                with: .roles([duplicate, duplicate]))
            Issue.record("expected a failure")
        } catch let error as CacheError {
            guard case .writeFailed(let operation, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(operation.contains("roles"))
            #expect(operation.contains(accountA))
            #expect(reason.contains("UNIQUE"))
            #expect(error.description.contains("previous data is kept"))
        }
    }

    @Test func recordFailureKeepsRowsAndLastSuccess() throws {
        let database = try CacheDatabase.inMemory()
        let alarm = Alarm(
            arn: "arn:aws:cloudwatch:us-east-1:\(accountA):alarm:P1-api", name: "P1-api", accountId: accountA,
            region: "us-east-1", state: .alarm, stateUpdatedAt: first)
        try database.replace(
            source: .alarms, accountId: accountA, region: "us-east-1", fetchedAt: first,
            with: .alarms([alarm]))
        try database.recordFailure(
            source: .alarms, accountId: accountA, region: "us-east-1", at: second, message: "AccessDenied")

        var snapshot = try database.snapshot(now: second)
        #expect(snapshot.alarms == [alarm])
        var status = try #require(snapshot.statuses.first { $0.source == .alarms })
        #expect(status.lastSuccessAt == first)
        #expect(status.lastAttemptAt == second)
        #expect(status.lastError == "AccessDenied")

        let third = second.addingTimeInterval(60)
        try database.replace(
            source: .alarms, accountId: accountA, region: "us-east-1", fetchedAt: third, with: .alarms([]))
        snapshot = try database.snapshot(now: third)
        status = try #require(snapshot.statuses.first { $0.source == .alarms })
        #expect(snapshot.alarms.isEmpty)
        #expect(status.lastError == nil)
        #expect(status.lastSuccessAt == third)
    }

    @Test func failureBeforeAnySuccessHasNoSuccessTime() throws {
        let database = try CacheDatabase.inMemory()
        try database.recordFailure(
            source: .cost, accountId: accountA, region: "global", at: first, message: "throttled")
        let status = try #require(try database.snapshot(now: first).statuses.first)
        #expect(status.lastSuccessAt == nil)
        #expect(status.lastError == "throttled")
    }

    @Test func rowsOfAnotherScopeAreRefused() throws {
        let database = try CacheDatabase.inMemory()
        #expect(throws: CacheError.self) {
            try database.replace(
                source: .roles, accountId: accountA, region: "global", fetchedAt: first,
                with: .roles([Fixture.role("Admin", account: accountB)]))
        }
        let run = PipelineRun(
            id: "1", kind: .codeBuild, accountId: accountA, region: "us-west-2", name: "build",
            status: .failed,
            startedAt: first)
        #expect(throws: CacheError.self) {
            try database.replace(
                source: .pipelines, accountId: accountA, region: "us-east-1", fetchedAt: first,
                with: .pipelineRuns([run]))
        }
        #expect(throws: CacheError.self) {
            try database.replace(
                source: .alarms, accountId: accountA, region: "us-east-1", fetchedAt: first,
                with: .pipelineRuns([]))
        }
        #expect(try database.snapshot(now: first).statuses.isEmpty)
    }

    @Test func everyKindRoundTrips() throws {
        let database = try CacheDatabase.inMemory()
        let unit = OrganizationalUnit(id: "ou-1", name: "Prod", parentId: "r-1", path: "Root/Prod")
        let root = OrganizationalUnit(id: "r-1", name: "Root", parentId: nil, path: "Root")
        var account = Fixture.account(accountA, name: "payments-prod")
        account.joinedAt = first
        account.status = .suspended
        let run = PipelineRun(
            id: "exec-1", kind: .githubActions, accountId: accountA, region: "us-east-1",
            name: "acme/app: ci.yml",
            status: .inProgress, stage: "test", trigger: "push by \"dana\"", commit: "abc1234",
            startedAt: first,
            finishedAt: nil, url: "https://github.com/acme/app/actions/runs/1")
        let alarm = Alarm(
            arn: "arn:aws:cloudwatch:us-east-1:\(accountA):alarm:x", name: "x", accountId: accountA,
            region: "us-east-1", state: .insufficientData, stateReason: "why", stateUpdatedAt: first,
            namespace: "AWS/SQS", metricName: "Depth", threshold: 12.5, isComposite: false, severity: .info,
            actions: ["arn:sns:a", "arn:sns:b"], tags: ["quote\"key": "back\\slash\nline"])
        let incident = Incident(
            id: "Q1", number: 7, title: "ALARM: \"x\"", status: .acknowledged, urgency: .low, priority: "P3",
            serviceName: "svc", assignees: ["Ann", "Bo"], escalationPolicy: "ep", createdAt: first,
            updatedAt: second, incidentKey: "k", htmlURL: "https://x", alarmARN: alarm.arn,
            accountId: accountA,
            region: "us-east-1")
        var role = Fixture.role("BreakGlass", account: accountA, trust: "{\"Statement\":[]}")
        role.path = "/breakglass/"
        role.isBreakGlass = true
        role.createdAt = first
        role.lastUsedAt = second
        role.maxSessionDuration = 7200
        let info = OrganizationInfo(
            organizationId: "o-1", managementAccountId: accountA, managementAccountName: "mgmt",
            callerARN: "arn:me",
            profile: "prod", regions: ["us-east-1", "eu-west-1"], isDemo: true)

        try database.setOrganization(info, fetchedAt: first)
        try database.replace(
            source: .organizations, accountId: accountA, region: "global", fetchedAt: first,
            with: .organizations(accounts: [account], units: [unit, root]))
        try database.replace(
            source: .roles, accountId: accountA, region: "global", fetchedAt: first, with: .roles([role]))
        try database.replace(
            source: .pipelines, accountId: accountA, region: "us-east-1", fetchedAt: first,
            with: .pipelineRuns([run]))
        try database.replace(
            source: .alarms, accountId: accountA, region: "us-east-1", fetchedAt: first,
            with: .alarms([alarm]))
        try database.replace(
            source: .incidents, accountId: CacheDatabase.anyAccount, region: CacheDatabase.globalRegion,
            fetchedAt: first, with: .incidents([incident]))

        let snapshot = try database.snapshot(now: second)
        #expect(snapshot.organization == info)
        #expect(snapshot.units == [root, unit])
        #expect(snapshot.accounts == [account])
        #expect(snapshot.roles == [role])
        #expect(snapshot.pipelineRuns == [run])
        #expect(snapshot.alarms == [alarm])
        #expect(snapshot.incidents == [incident])
        #expect(snapshot.statuses.count == 5)
    }

    @Test func metaValuesPersistAndTheVersionIsNotWritable() throws {
        let database = try CacheDatabase.inMemory()
        try database.setMetaValue("standard-19797", forKey: "demo")
        #expect(try database.metaValue(forKey: "demo") == "standard-19797")
        try database.setMetaValue(nil, forKey: "demo")
        #expect(try database.metaValue(forKey: "demo") == nil)
        try database.setMetaValue("999", forKey: "version")
        #expect(try database.snapshot(now: first).version == 2)
    }
}
