/// A sparkline as a string of block characters (or ASCII levels), for table cells
/// and detail views.
public enum SparkText {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    /// The last `width` values (or buckets of them) scaled between their min and max.
    public static func render(_ values: [Double], width: Int, ascii: Bool = false) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        let sampled = resample(values, to: width)
        let low = sampled.min() ?? 0
        let high = sampled.max() ?? 0
        let levels = ascii ? asciiLevels : blocks
        let span = high - low
        return String(
            sampled.map { value -> Character in
                guard span > 0 else { return levels[levels.count / 2] }
                let index = Int(((value - low) / span * Double(levels.count - 1)).rounded())
                return levels[min(levels.count - 1, max(0, index))]
            })
    }

    /// Averages values into `width` buckets when there are more values than cells.
    static func resample(_ values: [Double], to width: Int) -> [Double] {
        guard values.count > width else { return values }
        return (0..<width).map { bucket in
            let start = bucket * values.count / width
            let end = max(start + 1, (bucket + 1) * values.count / width)
            let slice = values[start..<end]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }
}
