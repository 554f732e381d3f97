import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckCache

@Suite struct CacheChangesTests {
    static let account = "111111111111"
    static let now = Fixture.date("2024-03-15T12:00:00Z")

    /// Consumes `stream`, runs `write` once the first snapshot arrived, and returns the first
    /// later snapshot `matches` accepts; gives up (nil) after `limit` so a bug cannot hang CI.
    static func firstChange(
        of stream: AsyncStream<OrgSnapshot>, after write: @escaping @Sendable () throws -> Void,
        limit: Duration = .seconds(20), matches: @escaping @Sendable (OrgSnapshot) -> Bool
    ) async -> (initial: OrgSnapshot?, changed: OrgSnapshot?) {
        let consumer = Task { () -> (OrgSnapshot?, OrgSnapshot?) in
            var initial: OrgSnapshot?
            for await snapshot in stream {
                if initial == nil {
                    initial = snapshot
                    do { try write() } catch { return (initial, nil) }
                    continue
                }
                if matches(snapshot) { return (initial, snapshot) }
            }
            return (initial, nil)
        }
        let watchdog = Task {
            try? await Task.sleep(for: limit)
            consumer.cancel()
        }
        let result = await consumer.value
        watchdog.cancel()
        return result
    }

    @Test func seesWritesOfAnotherConnectionOnTheSameFile() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let path = temp.path + "/cache.sqlite"
        let (writer, _) = try CacheDatabase.open(at: path)
        let (reader, _) = try CacheDatabase.open(at: path)
        let stream = reader.changes(now: { Self.now }, interval: .milliseconds(20))

        let result = await Self.firstChange(
            of: stream,
            after: {
                try writer.replace(
                    source: .roles, accountId: Self.account, region: "global", fetchedAt: Self.now,
                    with: .roles([Fixture.role("Admin", account: Self.account)]))
            },
            matches: { !$0.roles.isEmpty })

        #expect(result.initial?.roles.isEmpty == true)
        let changed = try #require(result.changed)
        #expect(changed.roles.map(\.name) == ["Admin"])
        #expect(changed.version == 1)
    }

    @Test func seesItsOwnWritesInMemory() async throws {
        let database = try CacheDatabase.inMemory()
        let stream = database.changes(now: { Self.now }, interval: .milliseconds(20))
        let result = await Self.firstChange(
            of: stream,
            after: {
                try database.recordFailure(
                    source: .alarms, accountId: Self.account, region: "us-east-1", at: Self.now,
                    message: "denied")
            },
            matches: { !$0.statuses.isEmpty })
        #expect(result.initial?.statuses.isEmpty == true)
        #expect(result.changed?.statuses.first?.lastError == "denied")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func seesWritesOfAnotherProcess() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let path = temp.path + "/cache.sqlite"
        let (database, _) = try CacheDatabase.open(at: path)
        let stream = database.changes(now: { Self.now }, interval: .milliseconds(20))

        let result = await Self.firstChange(
            of: stream,
            after: {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
                process.arguments = [
                    path,
                    "INSERT INTO org_units (id, name, parent_id, path, account_id, region, source, "
                        + "fetched_at) VALUES ('r-1', 'Root', NULL, 'Root', 'x', 'global', "
                        + "'organizations', 0);",
                ]
                try process.run()
                process.waitUntilExit()
            },
            matches: { !$0.units.isEmpty })

        #expect(result.changed?.units.map(\.name) == ["Root"])
    }
}

extension CacheChangesTests {
    /// The console already holds the start-up snapshot: the stream must not read the whole
    /// organization again, but must still deliver the next write.
    @Test func aKnownVersionIsNotReadAgain() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let path = temp.path + "/cache.sqlite"
        let (database, _) = try CacheDatabase.open(at: path)
        try database.replace(
            source: .roles, accountId: Self.account, region: "global", fetchedAt: Self.now,
            with: .roles([Fixture.role("Admin", account: Self.account)]))
        let known = try database.snapshot(now: Self.now).version
        #expect(try database.currentVersion() == known)
        let stream = database.changes(now: { Self.now }, interval: .milliseconds(20), knownVersion: known)
        let consumer = Task { () -> OrgSnapshot? in
            for await snapshot in stream { return snapshot }
            return nil
        }
        let writer = Task {
            // Give the stream a few polls with nothing new, then write.
            try await Task.sleep(for: .milliseconds(150))
            try database.replace(
                source: .roles, accountId: Self.account, region: "global", fetchedAt: Self.now,
                with: .roles([
                    Fixture.role("Admin", account: Self.account),
                    Fixture.role("Audit", account: Self.account),
                ]))
        }
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(20))
            consumer.cancel()
        }
        let first = await consumer.value
        watchdog.cancel()
        try await writer.value
        // The first snapshot delivered is the one after the write, not a re-read of `known`.
        let delivered = try #require(first)
        #expect(delivered.version > known)
        #expect(delivered.roles.map(\.name).sorted() == ["Admin", "Audit"])
    }
}
