import AWSSigV4
import Foundation
import Testing

@Suite(.enabled(if: PythonPeers.isAvailable, "needs python3 with boto3 and moto[server]"))
struct MotoServerTests {
    private static let callerIdentity = [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]

    @Test func startsWithSignatureCheckingOnAndStopsCleanly() async throws {
        let moto = try await MotoServer.start()
        let port = moto.port
        do {
            let dashboard = try await LoopbackHTTP.send(
                "GET", try LoopbackHTTP.url(port: port, path: "/moto-api/"))
            #expect(dashboard.status == 200)

            // A well-formed signature from a key moto has never issued.
            let stranger = AWSCredentials(accessKeyId: "AKIAUNKNOWNTESTKEY01", secretAccessKey: "nope")
            let refused = try await LoopbackHTTP.sendQuery(
                moto.endpoint, service: "sts", credentials: stranger, parameters: Self.callerIdentity)
            #expect(refused.status == 403)
            #expect(refused.text.contains("<Code>InvalidClientTokenId</Code>"))
        } catch {
            await moto.stop()
            throw error
        }
        await moto.stop()
        #expect(!moto.isRunning)
        #expect(!LoopbackHTTP.isListening(port: port))
        await moto.stop()  // idempotent
    }

    @Test func withMotoServerStopsItWhenTheBodyThrows() async throws {
        struct Planned: Error {}
        let seen = SeenServer()
        await #expect(throws: Planned.self) {
            try await withMotoServer { moto in
                seen.server = moto
                throw Planned()
            }
        }
        let server = try #require(seen.server)
        #expect(!server.isRunning)
        #expect(!LoopbackHTTP.isListening(port: server.port))
    }
}

/// Lets a test keep the server a closure was given, to check on it afterwards.
private final class SeenServer: @unchecked Sendable {
    // Written once inside the closure, read after it returned: no overlap.
    var server: MotoServer?
}
