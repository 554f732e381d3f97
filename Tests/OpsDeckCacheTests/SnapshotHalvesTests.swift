import Foundation
import GRDB
import OpsDeckCore
import OpsDeckDemo
import Testing

@testable import OpsDeckCache

/// The snapshot read on two connections must be the snapshot one transaction reads.
@Suite struct SnapshotHalvesTests {
    static let now = Fixture.date("2024-05-14T09:30:00Z")

    /// A demo cache in a file (the halves need a pool of connections).
    static func demoFile(in directory: TemporaryDirectory) throws -> CacheDatabase {
        let (database, _) = try CacheDatabase.open(at: directory.path + "/cache.sqlite", check: .schemaOnly)
        let demo = DemoOrganization.generate(size: .standard, now: now)
        try database.replaceAll(with: CacheContents(demo: demo), fetchedAt: now)
        return database
    }

    @Test func halvesOnTwoConnectionsMatchOneTransaction() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Self.demoFile(in: directory)
        let pool = try #require(database.writer as? DatabasePool)

        let halves = try #require(try CacheDatabase.readInHalves(pool, now: Self.now))
        let single = try pool.read { db in try CacheDatabase.readSnapshot(db, now: Self.now) }

        #expect(halves.version == single.version)
        #expect(halves.version > 0)
        #expect(halves.organization == single.organization)
        #expect(halves.units == single.units)
        #expect(halves.accounts == single.accounts)
        #expect(halves.roles == single.roles)
        #expect(halves.pipelineRuns == single.pipelineRuns)
        #expect(halves.alarms == single.alarms)
        #expect(halves.incidents == single.incidents)
        #expect(halves.statuses == single.statuses)
        #expect(halves.cost == single.cost)
        #expect(!halves.roles.isEmpty && !halves.pipelineRuns.isEmpty)
    }

    /// The cost lines are named after the accounts, and the billing alarm (read by the other
    /// half) sets the threshold.
    @Test func costLinesAreNamedAfterTheirAccountsAndTheBillingAlarm() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Self.demoFile(in: directory)
        let snapshot = try database.snapshot(now: Self.now)

        let names = Dictionary(snapshot.accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        #expect(!snapshot.cost.byAccount.isEmpty)
        for line in snapshot.cost.byAccount {
            #expect(line.label == names[line.key], "cost line \(line.key) is labelled \(line.label)")
        }
        #expect(snapshot.cost.billingAlarmThreshold == 150_000)
    }

    /// Halves that saw different versions (a write committed between their starts) are not
    /// merged: the caller reads again in one transaction.
    @Test func halvesOfDifferentVersionsAreNotMerged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Self.demoFile(in: directory)
        let pool = try #require(database.writer as? DatabasePool)
        let first = try pool.read { db in try SnapshotHalves.readFirst(db, now: Self.now) }
        try database.setMetaValue("x", forKey: "bench-test")
        let second = try pool.read { db in try SnapshotHalves.readSecond(db, now: Self.now) }

        #expect(second.version == first.version + 1)
        #expect(SnapshotHalves.merge(first, second) == nil)
        #expect(try database.snapshot(now: Self.now).version == second.version)
    }

    @Test func asyncSnapshotMatchesTheBlockingOne() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Self.demoFile(in: directory)
        let blocking = try database.snapshot(now: Self.now)
        let async = try await database.snapshotAsync(now: Self.now)
        #expect(async.version == blocking.version)
        #expect(async.roles == blocking.roles)
        #expect(async.pipelineRuns == blocking.pipelineRuns)
        #expect(async.cost == blocking.cost)
    }
}
