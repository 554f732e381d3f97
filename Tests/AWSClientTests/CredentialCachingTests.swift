import AWSSigV4
import Foundation
import Synchronization
import Testing

@testable import AWSClient

/// Holds callers until opened.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

@Suite("In-memory caching and refresh")
struct CredentialCachingTests {
    /// Hands out numbered credentials valid for `lifetime`; can be made to fail or to wait
    /// at a gate.
    final class CountingProvider: CredentialProvider {
        private let state = Mutex<(calls: Int, failing: Bool)>((0, false))
        private let gate: Gate?
        let clock: TestClock
        let lifetime: TimeInterval

        init(clock: TestClock, lifetime: TimeInterval = 3_600, gate: Gate? = nil) {
            self.clock = clock
            self.lifetime = lifetime
            self.gate = gate
        }

        var calls: Int { state.withLock { $0.calls } }

        func fail(_ failing: Bool) { state.withLock { $0.failing = failing } }

        func credentials() async throws -> ResolvedCredentials {
            let (number, failing) = state.withLock { state in
                state.calls += 1
                return (state.calls, state.failing)
            }
            await gate?.wait()
            if failing { throw CredentialError.fetchFailed(source: "test", problem: "down") }
            return ResolvedCredentials(
                credentials: AWSCredentials(accessKeyId: "ASIA\(number)", secretAccessKey: "s"),
                expiration: clock.now.addingTimeInterval(lifetime), source: "test")
        }
    }

    @Test func refreshesOnlyInsideTheFiveMinuteWindow() async throws {
        let clock = TestClock()
        let base = CountingProvider(clock: clock)
        let cache = CachingCredentialProvider(base, now: clock.function)
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIA1")
        clock.advance(by: 3_600 - 5 * 60)
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIA1")
        clock.advance(by: 1)
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIA2")
        #expect(base.calls == 2)
    }

    @Test func initialCredentialsAreUsedFirst() async throws {
        let clock = TestClock()
        let base = CountingProvider(clock: clock)
        let seed = ResolvedCredentials(
            credentials: AWSCredentials(accessKeyId: "ASIASEED", secretAccessKey: "s"),
            expiration: clock.now.addingTimeInterval(600), source: "seed")
        let cache = CachingCredentialProvider(base, initial: seed, now: clock.function)
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIASEED")
        #expect(base.calls == 0)
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let clock = TestClock()
        let gate = Gate()
        let base = CountingProvider(clock: clock, gate: gate)
        let cache = CachingCredentialProvider(base, now: clock.function)
        let results = Task {
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 { group.addTask { try await cache.credentials().credentials.accessKeyId } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        for _ in 0..<100_000 where await cache.joinedRefreshes < 7 { await Task.yield() }
        #expect(await cache.joinedRefreshes == 7)
        gate.open()
        let keys = try await results.value
        #expect(keys == Array(repeating: "ASIA1", count: 8))
        #expect(base.calls == 1)
    }

    @Test func aFailedRefreshKeepsStillValidCredentialsAndRetriesLater() async throws {
        let clock = TestClock()
        let base = CountingProvider(clock: clock)
        let cache = CachingCredentialProvider(base, now: clock.function, retryDelay: 30)
        _ = try await cache.credentials()
        clock.advance(by: 3_600 - 120)
        base.fail(true)
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIA1")
        #expect(base.calls == 2)
        clock.advance(by: 10)
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIA1")
        #expect(base.calls == 2)
        clock.advance(by: 25)
        base.fail(false)
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIA3")
    }

    @Test func aFailedRefreshOfExpiredCredentialsThrows() async throws {
        let clock = TestClock()
        let base = CountingProvider(clock: clock)
        let cache = CachingCredentialProvider(base, now: clock.function)
        _ = try await cache.credentials()
        clock.advance(by: 3_601)
        base.fail(true)
        await #expect(throws: CredentialError.fetchFailed(source: "test", problem: "down")) {
            try await cache.credentials()
        }
    }

    @Test func invalidateForcesAFetch() async throws {
        let clock = TestClock()
        let base = CountingProvider(clock: clock)
        let cache = CachingCredentialProvider(base, now: clock.function)
        _ = try await cache.credentials()
        await cache.invalidate()
        #expect(try await cache.credentials().credentials.accessKeyId == "ASIA2")
    }

    @Test func longTermKeysAreNeverRefreshed() async throws {
        let clock = TestClock()
        let base = StaticCredentialProvider(
            AWSCredentials(accessKeyId: "AKIA", secretAccessKey: "s"), source: "x")
        let cache = CachingCredentialProvider(base, now: clock.function)
        _ = try await cache.credentials()
        clock.advance(by: 10 * 365 * 86_400)
        #expect(try await cache.credentials().expiration == nil)
    }
}
