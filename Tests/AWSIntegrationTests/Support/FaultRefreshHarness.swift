import AWSClient
import AWSSigV4
import Foundation
import OpsDeckCache
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckSync
import Synchronization

/// The real refresh path (``Refresher`` on a cache file) pointed at a fault proxy.
///
/// Unlike ``SyncHarness``, the cache outlives one refresh, so a test can fill it, refresh
/// through a fault and compare the rows; the clock is set by the test, so the statuses
/// tell the two refreshes apart; and retries are recorded instead of slept, so a test
/// counts them and never waits for a backoff.
final class FaultRefreshHarness: Sendable {
    /// The cache both refreshes write.
    let cache: CacheDatabase
    /// The refresher under test.
    let refresher: Refresher
    private let transport: AsyncHTTPTransport
    private let recorder: Recorder

    /// What the injected clock and sleeper share with the test.
    private final class Recorder: Sendable {
        let now = Mutex(SeededOrganization.referenceDate)
        let retries = Mutex<[Duration]>([])
    }

    private init(
        endpoint: URL, credentials: AWSCredentials, manifest: SeedManifest, timeout: Duration,
        cacheFile: String
    ) throws {
        cache = try CacheDatabase.open(at: cacheFile).database
        transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let recorder = Recorder()
        self.recorder = recorder
        let core = AWSClientCore(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(credentials, source: "seeded admin key"),
            transport: transport, endpoints: AWSEndpointResolver(explicitURL: endpoint.absoluteString),
            retryPolicy: RetryPolicy(
                quota: nil, sleep: { delay in recorder.retries.withLock { $0.append(delay) } },
                random: { 0.5 }),
            timeout: timeout, profile: "moto-admin")
        refresher = Refresher(
            management: core, cache: cache,
            configuration: SyncConfiguration(
                memberRoleName: manifest.readRoleName, regions: manifest.regions, profile: "moto-admin",
                maxConcurrency: 8),
            now: { recorder.now.withLock { $0 } })
    }

    /// The time fetches are stamped with from now on.
    func setNow(_ date: Date) { recorder.now.withLock { $0 = date } }

    /// The backoffs the retry policy asked for since the last ``clearRetries()``.
    var retriesWaited: [Duration] { recorder.retries.withLock { $0 } }

    /// Forgets the recorded retries.
    func clearRetries() { recorder.retries.withLock { $0.removeAll() } }

    /// The cache as the UI would read it.
    func snapshot() throws -> OrgSnapshot { try cache.snapshot(now: SeededOrganization.referenceDate) }

    /// The status of one scope, if it was ever refreshed.
    func status(_ source: Source, _ accountId: String, _ region: String) throws -> SourceStatus? {
        try snapshot().statuses.first {
            $0.source == source && $0.accountId == accountId && $0.region == region
        }
    }

    /// Runs `body` with a harness signing with `credentials` (the seeded admin's by default)
    /// and calling `endpoint`; the cache file and the connections are gone afterwards.
    /// - Parameter timeout: the limit of one attempt.
    static func run<T: Sendable>(
        endpoint: URL, manifest: SeedManifest, credentials: AWSCredentials? = nil,
        timeout: Duration = .seconds(20), _ body: (FaultRefreshHarness) async throws -> T
    ) async throws -> T {
        let scratch = try ScratchDirectory(prefix: "fault-refresh")
        defer { scratch.remove() }
        let harness = try FaultRefreshHarness(
            endpoint: endpoint, credentials: credentials ?? manifest.adminCredentials, manifest: manifest,
            timeout: timeout, cacheFile: scratch.url.appendingPathComponent("cache.sqlite").path)
        do {
            let result = try await body(harness)
            try await harness.transport.shutdown()
            return result
        } catch {
            try? await harness.transport.shutdown()
            throw error
        }
    }
}
