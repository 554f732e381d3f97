extension SparkText {
    /// A sparkline scaled over its values and `threshold` together, so the bars say how
    /// close the metric is to the alarm's threshold rather than only how it moved.
    public static func render(
        _ values: [Double], width: Int, ascii: Bool = false, including threshold: Double?
    ) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        guard let threshold else { return render(values, width: width, ascii: ascii) }
        let sampled = resample(values, to: width)
        let low = min(sampled.min() ?? threshold, threshold)
        let high = max(sampled.max() ?? threshold, threshold)
        let levels = ascii ? asciiLevels : blocks
        let span = high - low
        return String(
            sampled.map { value -> Character in
                guard span > 0 else { return levels[levels.count / 2] }
                let index = Int(((value - low) / span * Double(levels.count - 1)).rounded())
                return levels[min(levels.count - 1, max(0, index))]
            })
    }

    /// True when `text` is a sparkline this type drew (two or more level characters), so a
    /// detail view can paint it as one.
    public static func isSparkline(_ text: String, ascii: Bool) -> Bool {
        let levels = Set(ascii ? asciiLevels : blocks)
        return text.count >= 2 && text.allSatisfy { levels.contains($0) }
    }
}
