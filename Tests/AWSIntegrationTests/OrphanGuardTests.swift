import Foundation
import OpsDeckTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"))
struct OrphanGuardTests {
    /// A killed test runner cannot stop its servers; they must notice and end themselves.
    @Test func aServerWhoseParentDiesEndsItself() async throws {
        let scratch = try ScratchDirectory(prefix: "orphan")
        defer { scratch.remove() }
        let server = PythonPeers.fixtures.appendingPathComponent("fixture_server.py").path
        let data = FixtureServer.sampleData.path
        // The shell stands in for the test runner: the server's parent, killed outright.
        let parent = try ChildProcess.spawn(
            "/bin/sh", ["-c", "\"$0\" \"$1\" \"$2\" & wait", try PythonPeers.python(), server, data],
            environment: PythonPeers.environment(), outputDirectory: scratch.url)
        let port: Int
        do {
            port = try await Self.port(printedBy: parent)
        } catch {
            kill(-parent.pid, SIGKILL)  // the shell and the server, a group of their own
            await parent.stop()
            throw error
        }
        #expect(LoopbackHTTP.isListening(port: port))
        kill(parent.pid, SIGKILL)
        _ = try await parent.wait(timeout: .seconds(5))

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while LoopbackHTTP.isListening(port: port) && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let survived = LoopbackHTTP.isListening(port: port)
        #expect(!survived, "the orphaned fixture server still listens")
        if survived { kill(-parent.pid, SIGKILL) }
    }

    private static func port(printedBy process: ChildProcess) async throws -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(20))
        while clock.now < deadline {
            let output = process.standardOutput
            if output.hasSuffix("\n"),
                let line = output.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }),
                let port = Int(line.dropFirst(5))
            {
                return port
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw IntegrationError.notReady(what: "fixture_server.py", detail: process.stderrTail())
    }
}
