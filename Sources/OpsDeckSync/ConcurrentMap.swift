import AWSClient

/// Maps a list with a bounded number of AWS calls in flight, keeping the input order.
///
/// Organizations answers one caller slowly (a few calls a second in real AWS, one Python
/// process in moto), so the organization read overlaps its per-parent and per-account
/// calls instead of waiting for each; the width stays small because Organizations
/// throttles early, and the retry policy absorbs what throttling there is.
enum ConcurrentMap {
    /// - Returns: `body` of each item, in the items' order.
    /// - Throws: the error of the first item (in input order) that failed; the others run to
    ///   their end, so nothing is left in flight when this returns.
    static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], width: Int,
        _ body: @escaping @Sendable (Item) async throws(AWSClientError) -> Value
    ) async throws(AWSClientError) -> [Value] {
        var results = [Result<Value, AWSClientError>?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Result<Value, AWSClientError>).self) { group in
            var next = 0
            func start() {
                let index = next
                let item = items[index]
                next += 1
                group.addTask {
                    do throws(AWSClientError) {
                        return (index, .success(try await body(item)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(max(1, width), items.count) { start() }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < items.count { start() }
            }
        }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for result in results {
            guard let result else { continue }
            values.append(try result.get())
        }
        return values
    }
}
