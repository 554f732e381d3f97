import Foundation

/// Keeps temporary credentials in memory and fetches new ones shortly before they expire.
///
/// Credentials are refreshed once fewer than `refreshWindow` seconds remain; callers that
/// arrive during a refresh wait for that same refresh instead of starting their own. When a
/// refresh fails while the old credentials are still valid, those are used and the refresh
/// is retried after `retryDelay`. Nothing is ever written to disk.
public actor CachingCredentialProvider: CredentialProvider {
    /// Five minutes, as the AWS SDKs' advisory refresh.
    public static let defaultRefreshWindow: TimeInterval = 5 * 60

    private let base: any CredentialProvider
    private let now: @Sendable () -> Date
    private let refreshWindow: TimeInterval
    private let retryDelay: TimeInterval
    private var current: ResolvedCredentials?
    private var refresh: Task<ResolvedCredentials, any Error>?
    private var nextAttempt: Date?
    /// How many callers joined a refresh another caller started; lets tests wait until
    /// concurrent callers are all in place.
    private(set) var joinedRefreshes = 0

    /// Wraps a provider.
    /// - Parameters:
    ///   - base: Fetches fresh credentials.
    ///   - initial: Credentials already fetched, used until they near expiry.
    ///   - now: The clock.
    ///   - refreshWindow: How long before expiry to refresh.
    ///   - retryDelay: How long to keep using still-valid credentials after a failed refresh.
    public init(
        _ base: any CredentialProvider, initial: ResolvedCredentials? = nil,
        now: @escaping @Sendable () -> Date = { Date() },
        refreshWindow: TimeInterval = CachingCredentialProvider.defaultRefreshWindow,
        retryDelay: TimeInterval = 30
    ) {
        self.base = base
        self.current = initial
        self.now = now
        self.refreshWindow = refreshWindow
        self.retryDelay = retryDelay
    }

    /// The cached credentials, refreshed first when they are about to expire.
    public func credentials() async throws -> ResolvedCredentials {
        let time = now()
        if let current, !needsRefresh(current, at: time) {
            return current
        }
        if let current, let nextAttempt, time < nextAttempt, isValid(current, at: time) {
            return current
        }
        let task: Task<ResolvedCredentials, any Error>
        if let refresh {
            task = refresh
            joinedRefreshes += 1
        } else {
            let base = self.base
            task = Task { try await base.credentials() }
            refresh = task
        }
        do {
            let fresh = try await task.value
            finish(task, with: fresh)
            return fresh
        } catch {
            let time = now()
            finishFailed(task, at: time)
            if let current, isValid(current, at: time) {
                return current
            }
            throw error
        }
    }

    /// Drops the cached credentials so the next call fetches new ones (after a 403 that
    /// says the token expired early, for example).
    public func invalidate() {
        current = nil
        nextAttempt = nil
    }

    private func needsRefresh(_ credentials: ResolvedCredentials, at time: Date) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.timeIntervalSince(time) < refreshWindow
    }

    private func isValid(_ credentials: ResolvedCredentials, at time: Date) -> Bool {
        guard let expiration = credentials.expiration else { return true }
        return expiration > time
    }

    private func finish(_ task: Task<ResolvedCredentials, any Error>, with fresh: ResolvedCredentials) {
        // Every waiter of the same refresh lands here; only the first clears the state.
        guard refresh == task else { return }
        refresh = nil
        current = fresh
        nextAttempt = nil
    }

    private func finishFailed(_ task: Task<ResolvedCredentials, any Error>, at time: Date) {
        guard refresh == task else { return }
        refresh = nil
        nextAttempt = time.addingTimeInterval(retryDelay)
    }
}
