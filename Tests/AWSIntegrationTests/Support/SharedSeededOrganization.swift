import Testing

/// One seeded moto for a whole suite: `@Suite(.sharedSeededOrganization)` starts and seeds
/// it before the suite's first test and stops it after the last; tests read it from
/// ``SharedSeededOrganization/current``.
///
/// For tests that only read. A test that changes the organization, the alarms or the
/// Cost Explorer bindings (a new body binds the next queued answer) would change what
/// the others see: give such a test its own ``withSeededOrganization(today:_:)``.
struct SharedSeededOrganization: SuiteTrait, TestScoping {
    /// The server and what was seeded into it.
    struct Seeded: Sendable {
        let moto: MotoServer
        let organization: SeededOrganization
    }

    @TaskLocal static var seeded: Seeded?

    /// The suite's seeded server.
    /// - Throws: `IntegrationError.notReady` outside a suite with the trait.
    static var current: Seeded {
        get throws {
            guard let seeded else {
                throw IntegrationError.notReady(
                    what: "shared seeded organization", detail: "the suite lacks .sharedSeededOrganization")
            }
            return seeded
        }
    }

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // Skipped suites (no Python peers) start nothing.
        guard PythonPeers.isAvailable else {
            try await function()
            return
        }
        try await withSeededOrganization { moto, organization in
            try await Self.$seeded.withValue(Seeded(moto: moto, organization: organization)) {
                try await function()
            }
        }
    }
}

extension Trait where Self == SharedSeededOrganization {
    /// One seeded moto server for every test of the suite (read-only use).
    static var sharedSeededOrganization: Self { SharedSeededOrganization() }
}
