import Foundation

/// What a Fixtures/check_*.py script found: `{"ok": bool, "checks": [{name, ok, detail}]}`.
struct CheckReport: Decodable, Sendable {
    struct Check: Decodable, Sendable {
        let name: String
        let ok: Bool
        let detail: String
    }

    let ok: Bool
    let checks: [Check]

    /// The checks that failed.
    var failures: [Check] { checks.filter { !$0.ok } }

    /// The names of every check, passed or not.
    var names: [String] { checks.map(\.name) }

    /// Runs `Fixtures/<script>` with `arguments` and decodes its report. A failing exit is
    /// not an error here (the report says what failed); a missing or garbled report is.
    static func run(
        _ script: String, _ arguments: [String], scratch: ScratchDirectory, timeout: Duration = .seconds(120)
    ) async throws -> CheckReport {
        let result = try await PythonPeers.runScript(script, arguments, scratch: scratch, timeout: timeout)
        guard let line = result.stdout.split(separator: "\n").last,
            let report = try? JSONDecoder().decode(CheckReport.self, from: Data(line.utf8))
        else {
            throw IntegrationError.scriptFailed(
                script: script, status: "\(result.exit)", stderr: String(result.stderr.suffix(3000)))
        }
        return report
    }
}
