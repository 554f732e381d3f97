import AWSClient
import Synchronization
import Testing

@testable import OpsDeckSync

/// The bounded map behind the organization read: order kept, width respected, the first
/// failure (in input order) reported after everything in flight has ended.
struct ConcurrentMapTests {
    /// Counts calls in flight and the most seen at once.
    final class Gauge: Sendable {
        let state = Mutex((now: 0, most: 0, calls: 0))
        func enter() {
            state.withLock {
                $0.now += 1; $0.calls += 1; $0.most = max($0.most, $0.now)
            }
        }
        func leave() { state.withLock { $0.now -= 1 } }
        var most: Int { state.withLock { $0.most } }
        var calls: Int { state.withLock { $0.calls } }
    }

    @Test func keepsTheInputOrderAndTheWidth() async throws {
        let gauge = Gauge()
        let values = try await ConcurrentMap.map(Array(0..<40), width: 3) { item throws(AWSClientError) in
            gauge.enter()
            defer { gauge.leave() }
            await Task.yield()
            return item * 2
        }
        #expect(values == (0..<40).map { $0 * 2 })
        #expect(gauge.most <= 3)
        #expect(gauge.calls == 40)
    }

    @Test func reportsTheFirstFailureInInputOrderAfterTheRestEnded() async {
        let gauge = Gauge()
        await #expect {
            _ = try await ConcurrentMap.map(Array(0..<10), width: 4) { item throws(AWSClientError) in
                gauge.enter()
                defer { gauge.leave() }
                if item == 7 || item == 3 { throw AWSClientError.invalidConfiguration("item \(item)") }
                return item
            }
        } throws: { error in
            "\(error)".contains("item 3")
        }
        #expect(gauge.calls == 10)
    }

    @Test func anEmptyListMakesNoCall() async throws {
        let values = try await ConcurrentMap.map([Int](), width: 8) { item throws(AWSClientError) in item }
        #expect(values.isEmpty)
    }
}
