import Foundation
import Testing

extension EndToEnd {
    @Suite("opsdeck export, without a terminal")
    struct ExportTests {
        private func export(_ arguments: [String]) async throws -> ProcessResult {
            let binary = try OpsDeckBinary.require()
            let sandbox = try TestSandbox.make()
            defer { sandbox.remove() }
            return try await ProcessRunner.run(
                binary, ["export"] + arguments, environment: sandbox.environment, scratch: sandbox.scratch,
                timeout: .seconds(60))
        }

        @Test("export accounts --demo --format csv prints a header and the accounts")
        func csv() async throws {
            let result = try await export(["accounts", "--demo", "--format", "csv"])
            #expect(result.succeeded, "status \(result.status), stderr: \(result.stderr)")
            // CSV rows end in CRLF (RFC 4180); to Swift "\r\n" is one Character, a newline.
            let lines = result.stdout.split(whereSeparator: \.isNewline)
            let header = try #require(lines.first, "no output; stderr: \(result.stderr)")
            #expect(header.hasPrefix("id,"), "header: \(header)")
            #expect(lines.count > 20, "only \(lines.count) lines:\n\(result.stdout)")
        }

        @Test("export accounts --demo --format json prints an array of account objects")
        func json() async throws {
            let result = try await export(["accounts", "--demo", "--format", "json"])
            #expect(result.succeeded, "status \(result.status), stderr: \(result.stderr)")
            let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            let array = try #require(parsed as? [Any], "not a JSON array: \(result.stdout.prefix(200))")
            let objects = array.compactMap { $0 as? [String: Any] }
            #expect(objects.count == array.count, "some elements are not objects")
            #expect(objects.count > 20, "only \(objects.count) objects")
        }

        @Test("export of an unknown pane fails with a message on stderr")
        func unknownPane() async throws {
            let result = try await export(["nope", "--demo"])
            #expect(!result.succeeded, "exited 0; stdout: \(result.stdout)")
            #expect(
                !result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "nothing on stderr; stdout: \(result.stdout)")
        }
    }
}
