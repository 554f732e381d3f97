/// Order statistics over a set of samples (nanoseconds or bytes).
struct Statistics: Sendable {
    let sorted: [Double]

    init(_ samples: [Double]) { sorted = samples.sorted() }
    init(_ samples: [Int]) { sorted = samples.map { Double($0) }.sorted() }
    init(_ samples: [UInt64]) { sorted = samples.map { Double($0) }.sorted() }

    var count: Int { sorted.count }
    var isEmpty: Bool { sorted.isEmpty }
    var min: Double { sorted.first ?? 0 }
    var max: Double { sorted.last ?? 0 }

    /// The middle sample; the mean of the middle two for an even count.
    var median: Double {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Nearest-rank percentile (p in 0...100): the smallest sample with at least p% of
    /// the samples at or below it.
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}
