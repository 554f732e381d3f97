import AWSSigV4
import Foundation
import OpsDeckTestSupport

/// A moto server seeded by Fixtures/seed_moto.py: a 13-account organization with nested
/// OUs, roles (with drift), aliases, alarms in two regions, CodeBuild, ECS, budgets and
/// Cost Explorer answers. See Fixtures/README.md for what exactly.
struct SeededOrganization: Sendable {
    /// The day the cost queries end at, unless a test asks for another: fixed, so that
    /// seeded request bodies and a client driven by an injected clock agree on every run.
    static let referenceToday = "2026-11-24"

    /// Noon UTC on ``referenceToday``, for a client's injected clock.
    static var referenceDate: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: 2026, month: 11, day: 24, hour: 12)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 1_795_521_600)
    }

    /// What was seeded.
    let manifest: SeedManifest
    /// The manifest as printed, for the Python checks. It holds the admin secret: write
    /// it only with ``writeManifest(into:)``.
    let manifestJSON: Data

    /// The admin user's keys (management account, allowed everything).
    var adminCredentials: AWSCredentials { manifest.adminCredentials }

    /// Seeds `moto` (a fresh server: seeding twice fails on the existing organization).
    /// - Parameter today: the day cost queries end at (`YYYY-MM-DD`).
    /// - Throws: `IntegrationError.scriptFailed` with the script's stderr, or
    ///   `.badOutput` when the manifest does not decode.
    static func seed(
        into moto: MotoServer, today: String = referenceToday, timeout: Duration = .seconds(90)
    ) async throws -> SeededOrganization {
        let scratch = try ScratchDirectory(prefix: "seed")
        defer { scratch.remove() }
        let result = try await PythonPeers.runScript(
            "seed_moto.py", ["--endpoint", moto.endpoint.absoluteString, "--today", today],
            scratch: scratch, timeout: timeout)
        guard result.exit == ChildProcess.Exit(code: 0, signaled: false) else {
            throw IntegrationError.scriptFailed(
                script: "seed_moto.py", status: "\(result.exit)", stderr: String(result.stderr.suffix(3000)))
        }
        let json = Data(result.stdout.utf8)
        do {
            return SeededOrganization(
                manifest: try JSONDecoder().decode(SeedManifest.self, from: json), manifestJSON: json)
        } catch {
            // The output holds the secret: name the error, not the text.
            throw IntegrationError.badOutput(what: "seed_moto.py", detail: "\(error)")
        }
    }

    /// Writes the manifest (0600) into `scratch` and returns its path.
    func writeManifest(into scratch: ScratchDirectory) throws -> URL {
        try scratch.write(manifestJSON, to: "manifest.json")
    }
}

/// Runs `body` with a fresh, seeded moto server, stopped however `body` ends.
func withSeededOrganization<T: Sendable>(
    today: String = SeededOrganization.referenceToday,
    _ body: (MotoServer, SeededOrganization) async throws -> T
) async throws -> T {
    try await withMotoServer { moto in
        let organization = try await SeededOrganization.seed(into: moto, today: today)
        return try await body(moto, organization)
    }
}
