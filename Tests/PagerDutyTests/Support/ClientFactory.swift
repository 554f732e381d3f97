import Foundation
import OpsDeckHTTP
import PagerDuty

/// A client for a fixture, with a transport the caller shuts down.
struct ClientFactory {
    let transport = AsyncHTTPTransport(connectTimeout: .seconds(2))
    let sleeps = SleepRecorder()

    func client(
        _ fixture: PagerDutyFixture, token: String = PagerDutyFixture.token,
        from: String? = "oncall@example.com",
        pageSize: Int = 100
    ) -> PagerDutyClient {
        PagerDutyClient(
            configuration: PagerDutyRESTConfiguration(
                token: token, baseURL: fixture.baseURL, fromEmail: from, timeout: .seconds(10),
                pageSize: pageSize, offsetCap: fixture.offsetCap),
            transport: transport, sleeper: sleeps.sleeper)
    }

    func shutdown() async { try? await transport.shutdown() }
}

/// Runs `body` with a fixture and a client factory, both shut down however it ends.
func withClient<T>(
    offsetCap: Int = 10_000, _ body: (PagerDutyFixture, ClientFactory) async throws -> T
) async throws -> T {
    try await withPagerDutyFixture(offsetCap: offsetCap) { fixture in
        let factory = ClientFactory()
        do {
            let result = try await body(fixture, factory)
            await factory.shutdown()
            return result
        } catch {
            await factory.shutdown()
            throw error
        }
    }
}
