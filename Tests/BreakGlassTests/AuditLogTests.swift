import Foundation
import Testing

@testable import BreakGlass

@Suite struct AuditLogTests {
    @Test func appendedEntriesChainAndVerify() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 3)
        let result = try log.verify()
        #expect(result.isIntact, "\(result.problems)")
        #expect(result.entries.map(\.seq) == [1, 2, 3])
        #expect(result.entries[0].previousHash == AuditEntry.genesisHash)
        #expect(result.entries[1].previousHash == result.entries[0].hash)
        #expect(result.entries[2].previousHash == result.entries[1].hash)
        #expect(result.entries[1].reason == "database failover in payments")
        #expect(result.entries[1].ticket == "INC-2")
        #expect(result.entries[1].sshClient == "203.0.113.9")
    }

    @Test func filesArePrivate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 1)
        let file = try FileManager.default.attributesOfItem(atPath: log.path)
        let folder = try FileManager.default.attributesOfItem(atPath: directory.path + "/state/opsdeck")
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let head = try FileManager.default.attributesOfItem(atPath: log.headPath)
        #expect((head[.posixPermissions] as? Int) == 0o600)
    }

    @Test func outcomeKeepsOnlyTheLastFourCharactersOfTheKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        let request = try log.append(AuditFixtures.request(1))
        let expiry = AuditFixtures.start.addingTimeInterval(3600)
        try log.append(
            request.outcome(at: AuditFixtures.start, expiration: expiry, accessKeyId: "ASIAEXAMPLEKEY1234"))
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(!text.contains("ASIAEXAMPLEKEY"))
        let entries = try log.entries()
        #expect(entries.map(\.event) == [.request, .success])
        #expect(entries[1].accessKeySuffix == "1234")
        #expect(entries[1].expiration == expiry)
        #expect(entries[1].sessionId == entries[0].sessionId)
    }

    @Test func anEditIsFoundOnItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 3)
        var lines = try AuditFixtures.lines(of: log)
        lines[1] = lines[1].replacingOccurrences(of: "database failover", with: "routine check")
        try AuditFixtures.write(lines, to: log)
        let problems = try log.verify().problems
        #expect(problems.map(\.kind) == [.edited])
        #expect(problems.first?.line == 2)
    }

    @Test func anEditWithARecomputedHashBreaksTheNextLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 3)
        var lines = try AuditFixtures.lines(of: log)
        var fields = try CanonicalJSON.decode(Data(lines[1].utf8))
        fields["reason"] = .string("routine check")
        fields["hash"] = .string(AuditEntry.hash(of: fields))
        lines[1] = CanonicalJSON.encode(fields)
        try AuditFixtures.write(lines, to: log)
        let problems = try log.verify().problems
        #expect(problems.map(\.kind) == [.relinked])
        #expect(problems.first?.line == 3)
        #expect(problems.first?.detail.contains("line 2") == true)
    }

    @Test func aDeletionIsFoundWhereTheGapIs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 4)
        var lines = try AuditFixtures.lines(of: log)
        lines.remove(at: 1)
        try AuditFixtures.write(lines, to: log)
        let problems = try log.verify().problems
        #expect(problems.map(\.kind) == [.deleted])
        #expect(problems.first?.line == 2)
        #expect(problems.first?.detail.contains("entry 2") == true)
    }

    @Test func deletingTheFirstEntryIsFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 3)
        try AuditFixtures.write(Array(try AuditFixtures.lines(of: log).dropFirst()), to: log)
        let problems = try log.verify().problems
        #expect(problems.map(\.kind) == [.deleted])
        #expect(problems.first?.line == 1)
    }

    @Test func aReorderingIsFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 4)
        var lines = try AuditFixtures.lines(of: log)
        lines.swapAt(1, 2)
        try AuditFixtures.write(lines, to: log)
        let problems = try log.verify().problems
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.kind == .reordered }, "\(problems)")
        #expect(problems.first?.line == 2)
        #expect(!problems.contains { $0.kind == .deleted })
    }

    @Test func cuttingEntriesOffTheEndIsFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 3)
        try AuditFixtures.write(Array(try AuditFixtures.lines(of: log).dropLast()), to: log)
        let problems = try log.verify().problems
        #expect(problems.map(\.kind) == [.truncated])
        #expect(problems.first?.detail.contains("entry 3") == true)
    }

    @Test func aFileCutInTheMiddleOfALineIsFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 2)
        let data = try Data(contentsOf: URL(fileURLWithPath: log.path))
        try data.prefix(data.count - 20).write(to: URL(fileURLWithPath: log.path))
        let problems = try log.verify().problems
        #expect(problems.first?.kind == .partialLine)
        #expect(problems.first?.line == 2)
        #expect(problems.contains { $0.kind == .truncated })
    }

    @Test func emptyingTheFileIsFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 2)
        try Data().write(to: URL(fileURLWithPath: log.path))
        #expect(try log.verify().problems.map(\.kind) == [.truncated])
    }

    @Test func aMissingHeadIsReported() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 2)
        try FileManager.default.removeItem(atPath: log.headPath)
        #expect(try log.verify().problems.map(\.kind) == [.headMismatch])
        #expect(throws: AuditError.self) { try log.append(AuditFixtures.request(3)) }
    }

    @Test func appendingAfterTamperingIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 3)
        try AuditFixtures.write(Array(try AuditFixtures.lines(of: log).dropLast()), to: log)
        #expect {
            try log.append(AuditFixtures.request(4))
        } throws: { error in
            guard case .damaged(_, let detail) = error as? AuditError else { return false }
            return detail.contains("head record names entry 3")
        }
        #expect(try AuditFixtures.lines(of: log).count == 2)
    }

    @Test func aHeadOneBehindIsACrashAndIsRepaired() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 2)
        let first = try #require(try log.entries().first)
        try (AuditHead(seq: 1, hash: first.hash).line + "\n").write(
            toFile: log.headPath, atomically: false, encoding: .utf8)
        try log.append(AuditFixtures.request(3))
        #expect(try log.verify().isIntact)
    }

    @Test func anUnwritableLocationFailsWithThePath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A regular file where the directory should be: fails even for root.
        try Data().write(to: URL(fileURLWithPath: directory.path + "/state"))
        let log = AuditLog(path: directory.path + "/state/opsdeck/audit.jsonl")
        #expect {
            try log.append(AuditFixtures.request(1))
        } throws: { error in
            guard case .notWritable = error as? AuditError else { return false }
            return "\(error)".contains(log.path) && "\(error)".contains("Nothing was assumed")
        }
    }

    @Test func concurrentAppendsKeepOneChain() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<24 {
                group.addTask { try log.append(AuditFixtures.request(index)) }
            }
            try await group.waitForAll()
        }
        let result = try log.verify()
        #expect(result.isIntact, "\(result.problems)")
        #expect(result.entries.map(\.seq) == Array(1...24))
    }

    @Test func sinceFiltersByTime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try AuditFixtures.log(in: directory, count: 4)
        let since = AuditFixtures.start.addingTimeInterval(150)
        #expect(try log.entries(since: since).map(\.seq) == [3, 4])
    }

    @Test func noLogIsAnIntactEmptyLog() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try AuditLog(path: directory.path + "/none.jsonl").verify()
        #expect(result.isIntact && result.entries.isEmpty)
    }
}
